using Omni.Contracts;
using Omni.Contracts.Catalog;
using Omni.Contracts.Pricing;
using Omni.Pricing.Engine;
using Omni.Pricing.Features;

namespace Omni.Pricing;

/// <summary>
/// Each variant is priced as a basket of its own: a buy-X-get-Y or spend threshold must not leak from one variant into
/// another's shelf price. The rules come from the per-node cache, so a product page costs no pricing query.
/// </summary>
internal sealed class ShelfPrices(PricingRulesCache cache, TimeProvider clock) : IShelfPrices
{
    public async Task<IReadOnlyDictionary<string, ShelfPrice>> PriceEachAsync(
        IReadOnlyCollection<VariantSnapshot> variants, SalesChannel channel, string? locationCode, CancellationToken ct)
    {
        var rules = await cache.GetAsync(ct);
        var context = new PricingContext(channel, locationCode is null ? null : PromotionRules.Normalize(locationCode), null, clock.GetUtcNow().UtcDateTime);
        var prices = new Dictionary<string, ShelfPrice>(StringComparer.OrdinalIgnoreCase);
        foreach (var variant in variants)
        {
            var basket = new Basket(variant.Price.Currency, [new BasketLine(variant.Sku, 1, variant.Price, variant.Category, variant.Brand)]);
            var line = PricingEngine.Quote(basket, rules.Promotions, context, rules.Exceptions).Lines[0];
            prices[variant.Sku] = new ShelfPrice(variant.Sku, variant.Price, line.BaseUnitPrice, line.Total, [.. line.Adjustments.Select(a => a.Name)]);
        }
        return prices;
    }
}
