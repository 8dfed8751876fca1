using Omni.Catalog.Features;
using Omni.Contracts;
using Omni.Contracts.Catalog;
using Omni.Contracts.Pricing;

namespace Omni.Web.Storefront;

/// <summary>
/// The "from" price of each product in a list: its cheapest variant's web price from the pricing engine, in one catalog
/// lookup and one pricing call for the whole page.
/// </summary>
internal sealed class ProductListing(ICatalogLookup catalog, IShelfPrices prices)
{
    public async Task<IReadOnlyDictionary<string, ShelfPrice>> FromPricesAsync(IReadOnlyList<ProductDetails> products, CancellationToken ct)
    {
        var skus = products.SelectMany(p => p.Variants).Select(v => v.Sku).ToList();
        var variants = await catalog.FindVariantsAsync(skus, ct);
        var priced = await prices.PriceEachAsync([.. variants.Values], SalesChannel.Web, null, ct);
        return products
            .Select(p => (p.Code, Cheapest: p.Variants.Select(v => priced.GetValueOrDefault(v.Sku)).OfType<ShelfPrice>().MinBy(s => s.Price.Minor)))
            .Where(x => x.Cheapest is not null)
            .ToDictionary(x => x.Code, x => x.Cheapest!);
    }
}
