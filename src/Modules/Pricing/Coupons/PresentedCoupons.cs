using Microsoft.EntityFrameworkCore;
using Omni.Pricing.Data;
using Omni.Pricing.Domain;

namespace Omni.Pricing.Coupons;

internal sealed record PresentedCoupon(CouponCodeRecord Code, CouponRecord Coupon);

internal sealed record CouponRefusal(string Code, string Detail, string Coupon);

/// <summary>The coupons a basket presents, checked for what does not depend on counters (those are the ledger's).</summary>
internal static class PresentedCoupons
{
    public const string Invalid = "coupon_invalid";
    public const string Exhausted = "coupon_exhausted";
    public const string PerCustomer = "coupon_limit_per_customer";
    public const string NotApplicable = "coupon_not_applicable";

    /// <summary>The coupons in code order (the ledger's lock order), or the first that cannot be used by this customer at all.</summary>
    public static async Task<(List<PresentedCoupon> Coupons, CouponRefusal? Refusal)> ResolveAsync(
        PricingDbContext db, IReadOnlyList<string> typed, Guid? customerId, string? email, CancellationToken ct)
    {
        if (typed.Count == 0) return ([], null);
        var codes = typed.Select(CouponCodes.Normalize).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var rows = await db.CouponCodes.AsNoTracking().Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, StringComparer.Ordinal, ct);
        var couponIds = rows.Values.Select(r => r.CouponId).Distinct().ToList();
        var coupons = await db.Coupons.AsNoTracking().Where(c => couponIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var customerKey = CouponCodes.CustomerKey(customerId, email);
        var normalizedEmail = email?.Trim().ToLowerInvariant();

        var presented = new List<PresentedCoupon>(codes.Count);
        foreach (var code in codes)
        {
            if (!rows.TryGetValue(code, out var row) || !coupons.TryGetValue(row.CouponId, out var coupon))
                return ([], new CouponRefusal(Invalid, $"Coupon '{code}' does not exist.", code));
            var assigned = row.AssignedCustomerId is not null || row.AssignedEmail is not null;
            if (assigned && !(row.AssignedCustomerId is { } owner && owner == customerId) && !(row.AssignedEmail is { } mail && mail == normalizedEmail))
                return ([], new CouponRefusal(Invalid, $"Coupon '{code}' belongs to another customer.", code));
            if (coupon.PerCustomerLimit is not null && customerKey is null)
                return ([], new CouponRefusal(Invalid, $"Coupon '{code}' is limited per customer: give the customer's id or e-mail.", code));
            presented.Add(new PresentedCoupon(row, coupon));
        }
        return (presented, null);
    }

    /// <summary>For a quote, which changes nothing: the limits as they stand now (an order re-checks them atomically).</summary>
    public static async Task<CouponRefusal?> PreviewLimitsAsync(
        PricingDbContext db, List<PresentedCoupon> presented, Guid? customerId, string? email, CancellationToken ct)
    {
        var customerKey = CouponCodes.CustomerKey(customerId, email);
        var earlierKey = CouponCodes.EarlierKey(customerId, email);
        foreach (var (code, coupon) in presented)
        {
            if (code.MaxUses is { } max && code.Uses >= max) return Refuse(Exhausted, code.Code);
            if (coupon.PerCustomerLimit is { } limit && customerKey is not null
                && await db.CouponCustomerUses.AsNoTracking().Where(u => u.CouponId == coupon.Id && (u.CustomerKey == customerKey || u.CustomerKey == earlierKey))
                    .SumAsync(u => u.Uses, ct) >= limit)
                return Refuse(PerCustomer, code.Code);
        }
        return null;
    }

    /// <summary>Uses of the coupon counted under the customer's e-mail before orders carried their customer's id.</summary>
    public static async Task<int> EarlierUsesAsync(PricingDbContext db, Guid couponId, string? earlierKey, CancellationToken ct) =>
        earlierKey is null ? 0
        : await db.CouponCustomerUses.AsNoTracking().Where(u => u.CouponId == couponId && u.CustomerKey == earlierKey).Select(u => u.Uses).FirstOrDefaultAsync(ct);

    public static CouponRefusal Refuse(string reason, string code) => reason switch
    {
        Exhausted => new CouponRefusal(Exhausted, $"Coupon '{code}' has no uses left.", code),
        PerCustomer => new CouponRefusal(PerCustomer, $"This customer has used coupon '{code}' as often as it allows.", code),
        _ => new CouponRefusal(NotApplicable, $"Coupon '{code}' takes nothing off this basket (its promotion does not apply to it).", code),
    };
}
