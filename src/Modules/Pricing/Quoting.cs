using Omni.Common;
using Omni.Pricing.Coupons;
using Omni.Pricing.Engine;

namespace Omni.Pricing;

/// <summary>A coupon presented with a basket and what its promotion took off; null when it took nothing (or another code of the same promotion came first).</summary>
internal sealed record CouponEffect(PresentedCoupon Presented, Money? Discount);

/// <summary>The one way a basket is priced, for the quote endpoint and for orders alike: engine, coupons, then tax.</summary>
internal static class Quoting
{
    public static (Quote Quote, List<CouponEffect> Coupons) Price(
        Basket basket, PricingRules rules, PricingContext context, List<PresentedCoupon> presented, string? taxCountry, string? taxRegion)
    {
        if (presented.Count > 0) context = context with { CouponPromotions = presented.Select(p => p.Coupon.PromotionId).ToHashSet() };
        var quote = Taxes.Apply(PricingEngine.Quote(basket, rules.Promotions, context, rules.Exceptions), Taxes.Find(rules.TaxRates, taxCountry, taxRegion));

        var effects = new List<CouponEffect>(presented.Count);
        var claimed = new HashSet<Guid>();
        foreach (var coupon in presented)
        {
            var promotionId = coupon.Coupon.PromotionId;
            var adjustment = claimed.Add(promotionId) ? quote.Promotions.FirstOrDefault(a => a.PromotionId == promotionId) : null;
            effects.Add(new CouponEffect(coupon, adjustment?.Amount));
        }
        return (quote, effects);
    }
}
