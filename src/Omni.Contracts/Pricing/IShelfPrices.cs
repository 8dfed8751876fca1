using Omni.Common;
using Omni.Contracts.Catalog;

namespace Omni.Contracts.Pricing;

/// <summary>One unit of a SKU priced by the pricing engine, as a product page or shelf label shows it.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="CatalogPrice">The price-book price.</param>
/// <param name="BasePrice">The price before promotions: the price book's, or a channel or store price exception's.</param>
/// <param name="Price">What one unit costs after the promotions that apply to a single unit.</param>
/// <param name="Promotions">Display names of the promotions that reduced <paramref name="Price"/>.</param>
public sealed record ShelfPrice(string Sku, Money CatalogPrice, Money BasePrice, Money Price, IReadOnlyList<string> Promotions)
{
    /// <summary>True when the shopper pays less than the price before promotions.</summary>
    public bool IsDiscounted => Price.Minor < BasePrice.Minor;
}

/// <summary>
/// Prices single units with the same engine, promotions and price exceptions as a quote, without a database query per
/// SKU: a product page prices all its variants at once.
/// </summary>
public interface IShelfPrices
{
    /// <summary>Prices one unit of each variant, each on its own, for the channel and (optionally) the store, now.</summary>
    Task<IReadOnlyDictionary<string, ShelfPrice>> PriceEachAsync(
        IReadOnlyCollection<VariantSnapshot> variants, SalesChannel channel, string? locationCode, CancellationToken ct);
}
