using Omni.Common;

namespace Omni.Contracts.Catalog;

/// <summary>A sellable variant of an imported product.</summary>
/// <param name="Sku">The stock-keeping unit; compared case-insensitively and stored upper-case.</param>
/// <param name="Gtin">GTIN-8, -12, -13 or -14 with a valid check digit.</param>
/// <param name="Name">Variant name, e.g. <c>M black</c>.</param>
/// <param name="Attributes">Free attributes such as size and color.</param>
/// <param name="Price">Price in major units; every variant of a product has the same currency.</param>
/// <param name="Images">Absolute http(s) image URLs.</param>
public sealed record ImportedVariant(
    string Sku, string Gtin, string Name, IReadOnlyDictionary<string, string>? Attributes, MoneyDto Price, IReadOnlyList<string>? Images = null);

/// <summary>A product to create or update, matched by code.</summary>
/// <param name="Code">The product code; compared case-insensitively and stored upper-case.</param>
/// <param name="Name">Product name.</param>
/// <param name="Brand">Brand.</param>
/// <param name="Category">Category path, e.g. <c>apparel/tops</c>.</param>
/// <param name="Description">Optional long description.</param>
/// <param name="Variants">Variants, upserted by SKU; variants of an existing product that are not listed are kept.</param>
public sealed record ImportedProduct(
    string Code, string Name, string Brand, string Category, string? Description, IReadOnlyList<ImportedVariant> Variants);

/// <summary>What an import did.</summary>
/// <param name="Created">Products that did not exist before.</param>
/// <param name="Updated">Existing products that were updated.</param>
public sealed record ProductImportSummary(int Created, int Updated);

/// <summary>
/// Bulk upsert of products for the demo seeder and ERP integrations, the same as <c>POST /api/v1/products/import</c>.
/// Scoped: resolve it from a scope (it writes through that scope's database session).
/// </summary>
public interface ICatalogImport
{
    /// <summary>The most products one call accepts.</summary>
    const int MaxBatch = 1000;

    /// <summary>
    /// Creates or updates every product, all or nothing. Throws <c>Omni.Common.Errors.DomainException</c> with code
    /// <c>validation_failed</c> (per-field <c>errors</c> in its extensions, fields prefixed by the index, e.g.
    /// <c>[3].variants[0].gtin</c>), <c>duplicate</c> (a SKU or GTIN taken by another product) or <c>currency_mismatch</c>;
    /// nothing is written then.
    /// </summary>
    Task<ProductImportSummary> ImportAsync(IReadOnlyList<ImportedProduct> products, CancellationToken ct);
}
