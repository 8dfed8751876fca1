using Omni.Common;
using Omni.Contracts.Catalog;

namespace Omni.Catalog.Domain;

/// <summary>One product record for every channel. Plain data edited by its slices.</summary>
internal sealed class Product
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Code { get; init; }
    public required string Name { get; set; }
    public required string Brand { get; set; }
    /// <summary>Lower-cased brand for case-insensitive filtering: SQLite's lower() folds ASCII only, .NET folds all of Unicode.</summary>
    public required string BrandKey { get; set; }
    public required string Category { get; set; }
    public string? Description { get; set; }
    /// <summary>The one currency of all its variants' prices.</summary>
    public required string Currency { get; set; }
    /// <summary>Lower-cased code, name, brand, SKUs and GTINs: search is a substring test that behaves the same on SQLite and PostgreSQL.</summary>
    public required string SearchText { get; set; }
    public List<Variant> Variants { get; init; } = [];
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }

    public void Reindex()
    {
        BrandKey = Brand.ToLowerInvariant();
        SearchText = string.Join('\n', new[] { Code, Name, Brand }.Concat(Variants.SelectMany(v => new[] { v.Sku, v.Gtin })))
            .ToLowerInvariant();
    }

    public IReadOnlyList<VariantSummary> VariantSummaries() =>
        [.. Variants.OrderBy(v => v.Position).Select(v => new VariantSummary(v.Sku, v.Gtin, v.Name, v.Price.ToDto()))];

    public ProductCreated ToCreated() => new(Code, Name, Brand, Category, VariantSummaries());

    public ProductUpdated ToUpdated() => new(Code, Name, Brand, Category, VariantSummaries());
}

internal sealed class Variant
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ProductId { get; init; }
    public Product Product { get; init; } = null!;
    public required string Sku { get; init; }
    public required string Gtin { get; set; }
    public required string Gtin14 { get; set; }
    public required string Name { get; set; }
    public Dictionary<string, string> Attributes { get; set; } = [];
    public long PriceMinor { get; set; }
    public required string Currency { get; set; }
    public List<string> Images { get; set; } = [];
    /// <summary>Order of the variants as the merchant listed them (size runs read S, M, L, not alphabetically).</summary>
    public int Position { get; init; }

    public Money Price
    {
        get => new(PriceMinor, Currency);
        set { PriceMinor = value.Minor; Currency = value.Currency; }
    }

    public VariantSnapshot ToSnapshot(Product product) => new(Sku, product.Code, SnapshotName(product.Name, Name), Price, product.Category, product.Brand);

    /// <summary>The name an order line copies: the product's and the variant's, e.g. "Basic tee M black".</summary>
    public static string SnapshotName(string product, string variant) => $"{product} {variant}";
}
