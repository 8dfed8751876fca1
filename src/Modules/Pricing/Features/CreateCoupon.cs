using System.Net.Mail;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;
using Omni.Common.Errors;
using Omni.Common.Validation;
using Omni.Pricing.Coupons;
using Omni.Pricing.Data;
using Omni.Pricing.Domain;

namespace Omni.Pricing.Features;

/// <summary>Makes a coupon for a coupon-only promotion: one shared code, or a batch of generated codes, optionally one per customer.</summary>
internal static class CreateCoupon
{
    private const int MaxBatch = 10_000;
    private const int MaxLimit = 1_000_000_000;

    public static RouteHandlerBuilder Map(RouteGroupBuilder coupons) =>
        coupons.MapPost("/", Handle).WithName(nameof(CreateCoupon))
            .WithSummary("Creates a shared coupon code or a batch of unique codes for a coupon-only promotion, with global and per-customer limits.")
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Created<CouponDetails>, ValidationProblem, ProblemHttpResult>> Handle(
        CouponRequest request, PricingDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validator();
        if (request is null) return v.Add("body", "is required.").ToProblem();
        var recipients = Validate(v, request);
        if (!v.IsValid) return v.ToProblem();

        var promotion = await db.Promotions.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.PromotionId, ct);
        if (promotion is null) return v.Add("promotionId", "is not a known promotion.").ToProblem();
        if (!promotion.CouponOnly) return v.Add("promotionId", $"promotion '{promotion.Code}' is not couponOnly: it would apply without the coupon.").ToProblem();

        var at = clock.GetUtcNow().UtcDateTime;
        var kind = request.Kind!.Value;
        var maxUses = kind == CouponKind.Unique ? request.MaxUses ?? 1 : request.MaxUses;
        var coupon = new CouponRecord
        {
            Name = request.Name!.Trim(), PromotionId = promotion.Id, Kind = kind, MaxUsesPerCode = maxUses,
            PerCustomerLimit = request.PerCustomerLimit, CreatedAt = at,
        };
        List<string> codes = kind == CouponKind.Shared
            ? [CouponCodes.Normalize(request.Code!)]
            : await FreshCodesAsync(db, recipients.Count > 0 ? recipients.Count : request.Count!.Value, request.Prefix is null ? null : CouponCodes.Normalize(request.Prefix), ct);
        if (kind == CouponKind.Shared && await db.CouponCodes.AnyAsync(c => c.Code == codes[0], ct)) return Duplicate(codes[0]);

        var rows = codes.Select((code, i) => new CouponCodeRecord
        {
            CouponId = coupon.Id, Code = code, MaxUses = maxUses, CreatedAt = at,
            AssignedCustomerId = i < recipients.Count ? recipients[i].CustomerId : null,
            AssignedEmail = i < recipients.Count ? recipients[i].Email?.Trim().ToLowerInvariant() : null,
        }).ToList();
        db.Coupons.Add(coupon);
        db.CouponCodes.AddRange(rows);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            return Duplicate(codes[0]);
        }
        return TypedResults.Created($"/api/v1/pricing/coupons/{coupon.Id}", coupon.ToDetails(rows.Count, 0, [.. rows.Select(r => r.ToDetails())]));
    }

    private static List<CouponRecipient> Validate(Validator v, CouponRequest r)
    {
        v.Required("name", r.Name, 200);
        v.Required("promotionId", r.PromotionId);
        if (r.MaxUses is { } max) v.Range("maxUses", max, 1, MaxLimit);
        if (r.PerCustomerLimit is { } perCustomer) v.Range("perCustomerLimit", perCustomer, 1, MaxLimit);
        var recipients = r.Recipients ?? [];
        if (!v.Required("kind", r.Kind)) return recipients;
        v.Enum("kind", r.Kind!.Value);
        if (r.Kind == CouponKind.Shared)
        {
            v.Code("code", r.Code, 32);
            if (r.Count is not null) v.Add("count", "must be left out of a shared coupon: it has one code.");
            if (r.Prefix is not null) v.Add("prefix", "must be left out of a shared coupon.");
            if (recipients.Count > 0) v.Add("recipients", "must be left out of a shared coupon: assign unique codes instead.");
            return recipients;
        }
        if (r.Code is not null) v.Add("code", "must be left out of a batch: its codes are generated.");
        if (r.Prefix is not null) v.Code("prefix", r.Prefix, 16);
        if (recipients.Count == 0 && r.Count is null) v.Add("count", "give count or recipients.");
        else if (recipients.Count > 0 && r.Count is not null) v.Add("count", "give count or recipients, not both.");
        else if (r.Count is { } count) v.Range("count", count, 1, MaxBatch);
        else if (recipients.Count > MaxBatch) v.Add("recipients", $"must have at most {MaxBatch} entries.");
        for (var i = 0; i < recipients.Count && recipients.Count <= MaxBatch; i++)
        {
            var recipient = recipients[i];
            if (recipient is null || (recipient.CustomerId is null && string.IsNullOrWhiteSpace(recipient.Email)))
                v.Add($"recipients[{i}]", "needs a customerId, an email or both.");
            else if (recipient.Email is { } email && (email.Length > 254 || !MailAddress.TryCreate(email.Trim(), out _)))
                v.Add($"recipients[{i}].email", "must be an e-mail address.");
        }
        return recipients;
    }

    /// <summary>Generated codes that exist nowhere yet: a clash with an older batch is drawn again (rare with 5·10^11 codes).</summary>
    private static async Task<List<string>> FreshCodesAsync(PricingDbContext db, int count, string? prefix, CancellationToken ct)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            while (codes.Count < count) codes.Add(CouponCodes.Generate(prefix));
            var candidates = codes.ToList();
            var taken = await db.CouponCodes.AsNoTracking().Where(c => candidates.Contains(c.Code)).Select(c => c.Code).ToListAsync(ct);
            if (taken.Count == 0) return candidates;
            codes.ExceptWith(taken);
        }
    }

    private static ProblemHttpResult Duplicate(string code) =>
        Problems.Conflict("duplicate", $"Coupon code '{code}' already exists.", new Dictionary<string, object?> { ["duplicates"] = new[] { code } });
}
