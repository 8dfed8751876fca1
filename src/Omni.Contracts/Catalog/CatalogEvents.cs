using Omni.Common;
using Omni.Common.Events;

namespace Omni.Contracts.Catalog;

/// <summary>A variant as it appears in catalog events.</summary>
/// <param name="Sku">The stock-keeping unit.</param>
/// <param name="Gtin">The GTIN as given (8, 12, 13 or 14 digits).</param>
/// <param name="Name">Variant name, e.g. <c>M black</c>.</param>
/// <param name="Price">The price-book price.</param>
public sealed record VariantSummary(string Sku, string Gtin, string Name, MoneyDto Price);

/// <summary>A product was added to the catalog.</summary>
/// <param name="Code">Product code.</param>
/// <param name="Name">Product name.</param>
/// <param name="Brand">Brand.</param>
/// <param name="Category">Category path.</param>
/// <param name="Variants">Its variants.</param>
public sealed record ProductCreated(string Code, string Name, string Brand, string Category, IReadOnlyList<VariantSummary> Variants) : IEvent
{
    /// <inheritdoc />
    public static string EventType => "product.created";
}

/// <summary>A product changed (name, brand, category, prices, new variants); carries all its variants after the change.</summary>
/// <param name="Code">Product code.</param>
/// <param name="Name">Product name.</param>
/// <param name="Brand">Brand.</param>
/// <param name="Category">Category path.</param>
/// <param name="Variants">All its variants after the change.</param>
public sealed record ProductUpdated(string Code, string Name, string Brand, string Category, IReadOnlyList<VariantSummary> Variants) : IEvent
{
    /// <inheritdoc />
    public static string EventType => "product.updated";
}
