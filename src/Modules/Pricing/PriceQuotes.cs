using Omni.Common.Errors;
using Omni.Contracts.Catalog;
using Omni.Contracts.Pricing;
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
        var quote = PricingEngine.Quote(basket, rules.Promotions, context, rules.Exceptions);
        return new PriceQuote(quote.Currency,
            [.. quote.Lines.Select(l => new PricedLine(l.Sku, l.Quantity, l.BaseUnitPrice, l.Subtotal, l.Discount, l.Total,
                [.. l.Adjustments.Select(a => new PricedPromotion(a.PromotionId, a.Code, a.Name, a.Amount))]))],
            quote.Subtotal, quote.DiscountTotal, quote.Total);
    }
}
