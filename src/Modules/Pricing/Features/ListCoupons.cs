using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Validation;
using Omni.Pricing.Data;

namespace Omni.Pricing.Features;

internal sealed record CouponPage(IReadOnlyList<CouponDetails> Items, string? Next);

/// <summary>Coupons newest first, each with its code count and the uses its codes count; the codes themselves page under each coupon.</summary>
internal static class ListCoupons
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 200;

    public static RouteHandlerBuilder Map(RouteGroupBuilder coupons) =>
        coupons.MapGet("/", Handle).WithName(nameof(ListCoupons))
            .WithSummary("Lists coupons newest first with their limits, code counts and uses; page with 'next'.");

    internal static async Task<Results<Ok<CouponPage>, ValidationProblem>> Handle(PricingDbContext db, CancellationToken ct, string? after = null, int? limit = null)
    {
        var v = new Validator();
        Guid afterId = default;
        if (after is not null && !Guid.TryParseExact(after, "N", out afterId)) v.Add("after", "is not a cursor this endpoint returned.");
        var take = limit ?? DefaultLimit;
        v.Range("limit", take, 1, MaxLimit);
        if (!v.IsValid) return v.ToProblem();

        // Ids are version-7 GUIDs: id order is creation order.
        var query = db.Coupons.AsNoTracking();
        if (after is not null) query = query.Where(c => c.Id.CompareTo(afterId) < 0);
        var page = await query.OrderByDescending(c => c.Id).Take(take + 1).ToListAsync(ct);
        var items = page.Take(take).ToList();
        var ids = items.Select(c => c.Id).ToList();
        var counts = await db.CouponCodes.AsNoTracking().Where(c => ids.Contains(c.CouponId))
            .GroupBy(c => c.CouponId).Select(g => new { Id = g.Key, Codes = g.Count(), Uses = g.Sum(c => (long)c.Uses) })
            .ToDictionaryAsync(g => g.Id, ct);
        return TypedResults.Ok(new CouponPage(
            [.. items.Select(c => c.ToDetails(counts.GetValueOrDefault(c.Id)?.Codes ?? 0, counts.GetValueOrDefault(c.Id)?.Uses ?? 0, null))],
            page.Count > take ? items[^1].Id.ToString("N") : null));
    }
}
