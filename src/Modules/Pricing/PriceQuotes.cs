using Omni.Common.Errors;
using Omni.Contracts.Catalog;
using Omni.Contracts.Pricing;
using Omni.Pricing.Coupons;
using Omni.Pricing.Data;
using Omni.Pricing.Engine;
using Omni.Pricing.Features;

namespace Omni.Pricing;

/// <summary>The engine for other modules (a cart's live prices): the same basket, context and rules as <c>POST /pricing/quote</c>.</summary>
internal sealed class PriceQuotes(ICatalogLookup catalog, PricingDbContext db, PricingRulesCache cache, TimeProvider clock) : IPriceQuotes
{
    public async Task<PriceQuote> QuoteAsync(PriceQuoteRequest request, CancellationToken ct)
    {
        var skus = request.Lines.Select(l => PromotionRules.Normalize(l.Sku)).ToList();
        var variants = await catalog.FindVariantsAsync(skus, ct);
        if (skus.FirstOrDefault(s => !variants.ContainsKey(s)) is { } unknown)
            throw new DomainException("unknown_sku", $"SKU '{unknown}' does not exist.");
        var currencies = skus.Select(s => variants[s].Price.Currency).Distinct().ToList();
        if (currencies.Count > 1)
            throw new DomainException("mixed_currency", $"The SKUs are priced in different currencies ({string.Join(", ", currencies)}).");

        var basket = new Basket(currencies[0], [.. skus.Select((s, i) =>
            new BasketLine(variants[s].Sku, request.Lines[i].Quantity, variants[s].Price, variants[s].Category, variants[s].Brand))]);
        var context = new PricingContext(request.Channel, request.LocationCode is null ? null : PromotionRules.Normalize(request.LocationCode),
            LoyaltyTier: null, clock.GetUtcNow().UtcDateTime);
        var rules = await cache.GetAsync(db, ct);
        var (usable, refused) = await UsableCouponsAsync(request, ct);
        var (quote, effects) = Quoting.Price(basket, rules, context, usable, request.TaxCountry?.ToUpperInvariant(), null);
        var coupons = effects.Select(e => new QuotedCoupon(e.Presented.Code.Code, e.Discount, e.Discount is null ? PresentedCoupons.NotApplicable : null))
            .Concat(refused).OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
        return new PriceQuote(quote.Currency,
            [.. quote.Lines.Select(l => new PricedLine(l.Sku, l.Quantity, l.BaseUnitPrice, l.Subtotal, l.Discount, l.Total,
                [.. l.Adjustments.Select(a => new PricedPromotion(a.PromotionId, a.Code, a.Name, a.Amount))]))],
            quote.Subtotal, quote.DiscountTotal, quote.Total, coupons);
    }

    /// <summary>
    /// A basket held over time (a cart) keeps codes that may no longer be usable: each is checked on its own against what is
    /// committed now, as an order would check it, and the unusable ones are reported instead of failing the whole quote.
    /// </summary>
    private async Task<(List<PresentedCoupon> Usable, List<QuotedCoupon> Refused)> UsableCouponsAsync(PriceQuoteRequest request, CancellationToken ct)
    {
        var usable = new List<PresentedCoupon>();
        var refused = new List<QuotedCoupon>();
        foreach (var code in (request.Coupons ?? []).Select(CouponCodes.Normalize).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var (presented, refusal) = await PresentedCoupons.ResolveAsync(db, [code], request.CustomerId, null, ct);
            refusal ??= await PresentedCoupons.PreviewLimitsAsync(db, presented, request.CustomerId, null, ct);
            if (refusal is null) usable.AddRange(presented);
            else refused.Add(new QuotedCoupon(code, null, refusal.Code));
        }
        return (usable, refused);
    }
}
