using Omni.Common;

namespace Omni.Contracts.Catalog;

/// <summary>What other modules may know of a sellable variant; copied into orders at placement.</summary>
/// <param name="Sku">The stock-keeping unit.</param>
/// <param name="ProductCode">The product the variant belongs to.</param>
/// <param name="Name">Display name: product name and variant name.</param>
/// <param name="Price">The price-book price.</param>
/// <param name="Category">Category path, e.g. <c>apparel/tops</c>.</param>
/// <param name="Brand">Brand name.</param>
public sealed record VariantSnapshot(string Sku, string ProductCode, string Name, Money Price, string Category, string Brand);

/// <summary>Reads the catalog on behalf of other modules.</summary>
public interface ICatalogLookup
{
    /// <summary>The variants among <paramref name="skus"/> that exist, keyed by SKU; unknown SKUs are absent.</summary>
    Task<IReadOnlyDictionary<string, VariantSnapshot>> FindVariantsAsync(IReadOnlyCollection<string> skus, CancellationToken ct);
}
