using Microsoft.EntityFrameworkCore;
using Omni.Common;
using Omni.Contracts.Pricing;
using Omni.Pricing.Data;
using Omni.Pricing.Domain;
using Omni.Pricing.Engine;
using Omni.Pricing.Features;

namespace Omni.Pricing.Coupons;

/// <summary>Orders and store sales priced by the same engine as the quote, with their coupons redeemed in the order's transaction.</summary>
internal sealed class OrderPricing(PricingDbContext db, PricingRulesCache cache, CouponLedger ledger) : IPricing
{
    public async Task<OrderPricingResult> PriceOrderAsync(OrderPricingRequest request, CancellationToken ct)
    {
        var (presented, invalid) = await PresentedCoupons.ResolveAsync(db, request.Coupons, request.CustomerId, request.CustomerEmail, ct);
        if (invalid is not null) return Refused(invalid);

        var first = request.Lines[0];
        var currency = (first.TillUnitPrice ?? first.Variant.Price).Currency;
        var basket = new Basket(currency, [.. request.Lines.Select(l =>
            new BasketLine(l.Variant.Sku, l.Quantity, l.Variant.Price, l.Variant.Category, l.Variant.Brand, l.TillUnitPrice))]);
        var location = request.LocationCode is null ? null : PromotionRules.Normalize(request.LocationCode);
        var rules = await cache.GetAsync(db, ct);
        var (quote, effects) = Quoting.Price(basket, rules, new PricingContext(request.Channel, location, null, request.At), presented,
            request.TaxCountry, request.TaxRegion);

        var customerKey = CouponCodes.CustomerKey(request.CustomerId, request.CustomerEmail);
        var redeemed = new List<string>();
        foreach (var (coupon, discount) in effects)
        {
            // A till gave what it gave: a coupon the engine finds nothing for is simply not counted.
            if (discount is null)
            {
                if (request.AtTill) continue;
                return Refused(PresentedCoupons.Refuse(PresentedCoupons.NotApplicable, coupon.Code.Code));
            }
            var overLimit = await RedeemAsync(coupon, customerKey, CouponCodes.EarlierKey(request.CustomerId, request.CustomerEmail), ct);
            if (overLimit is not null && !request.AtTill) return Refused(PresentedCoupons.Refuse(overLimit, coupon.Code.Code));
            db.CouponRedemptions.Add(new CouponRedemptionRecord
            {
                CouponId = coupon.Coupon.Id, CodeId = coupon.Code.Id, Code = coupon.Code.Code, OrderId = request.OrderId, Channel = request.Channel,
                LocationCode = location, CustomerKey = customerKey, DiscountMinor = discount.Value.Minor, Currency = currency,
                OverLimit = overLimit is not null, OverLimitReason = overLimit, Status = RedemptionStatus.Redeemed, RedeemedAt = request.At,
            });
            redeemed.Add(coupon.Code.Code);
        }
        if (redeemed.Count > 0) await db.SaveChangesAsync(ct);
        return new OrderPricingResult(ToPriced(quote, redeemed));
    }

    public async Task<OrderPricingResult?> CheckCouponsAsync(IReadOnlyList<string> coupons, Guid? customerId, string? customerEmail, CancellationToken ct)
    {
        if (coupons.Count == 0) return null;
        var (presented, refusal) = await PresentedCoupons.ResolveAsync(db, coupons, customerId, customerEmail, ct);
        refusal ??= await PresentedCoupons.PreviewLimitsAsync(db, presented, customerId, customerEmail, ct);
        return refusal is null ? null : Refused(refusal);
    }

    /// <summary>Null when the use is counted; otherwise the limit it would break (and nothing is counted).</summary>
    private async Task<string?> RedeemAsync(PresentedCoupon presented, string? customerKey, string? earlierKey, CancellationToken ct)
    {
        var (code, coupon) = presented;
        if (!await ledger.TryUseCodeAsync(code.Id, ct)) return PresentedCoupons.Exhausted;
        if (coupon.PerCustomerLimit is { } limit && customerKey is not null)
        {
            // Rows under the e-mail are no longer written once orders carry the id, so reading them outside the update is safe.
            var left = limit - await PresentedCoupons.EarlierUsesAsync(db, coupon.Id, earlierKey, ct);
            if (left <= 0 || !await ledger.TryUseForCustomerAsync(coupon.Id, customerKey, left, ct))
            {
                await ledger.UnuseCodeAsync(code.Id, ct);
                return PresentedCoupons.PerCustomer;
            }
        }
        return null;
    }

    public async Task ReleaseCouponsAsync(Guid orderId, DateTime at, CancellationToken ct)
    {
        var redemptions = await db.CouponRedemptions.Where(r => r.OrderId == orderId && r.Status == RedemptionStatus.Redeemed).ToListAsync(ct);
        if (redemptions.Count == 0) return;
        var limited = await db.Coupons.AsNoTracking().Where(c => redemptions.Select(r => r.CouponId).Contains(c.Id) && c.PerCustomerLimit != null)
            .Select(c => c.Id).ToListAsync(ct);
        foreach (var redemption in redemptions.OrderBy(r => r.Code, StringComparer.Ordinal))
        {
            redemption.Status = RedemptionStatus.Released;
            redemption.ReleasedAt = at;
            // An over-limit use was never counted, so there is nothing to give back.
            if (redemption.OverLimit) continue;
            await ledger.UnuseCodeAsync(redemption.CodeId, ct);
            if (redemption.CustomerKey is { } key && limited.Contains(redemption.CouponId)) await ledger.UnuseForCustomerAsync(redemption.CouponId, key, ct);
        }
        await db.SaveChangesAsync(ct);
    }

    private static OrderPricingResult Refused(CouponRefusal refusal) => new(null, refusal.Code, refusal.Detail, refusal.Coupon);

    private static PricedOrder ToPriced(Quote quote, List<string> coupons) => new(
        [.. quote.Lines.Select(l => new PricedOrderLine(l.BaseUnitPrice, l.Discount, l.Tax, quote.Tax?.Inclusive ?? true, l.Total,
            [.. l.Adjustments.Select(a => a.Code)]))],
        quote.Subtotal, quote.DiscountTotal, quote.TaxTotal, quote.Total, coupons);
}
