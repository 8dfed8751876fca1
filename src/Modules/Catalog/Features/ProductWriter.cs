using Omni.Common.Data;
using Microsoft.EntityFrameworkCore;
using Omni.Catalog.Data;
using Omni.Catalog.Domain;
using Omni.Common.Errors;

namespace Omni.Catalog.Features;

internal enum WriteMode
{
    Create,
    Update,
    Upsert,
}

/// <summary>
/// The one place products are written: create, update and import differ only in what an existing or missing code means.
/// Variants are upserted by SKU and never removed here: orders, stock and returns keep referring to a SKU after it is
/// no longer sold. Every check runs before the first change is tracked, so a refusal leaves the context clean.
/// </summary>
internal sealed class ProductWriter(CatalogDbContext db, VariantCache cache, ProductCache products, TimeProvider clock)
{
    public async Task<IReadOnlyList<(Product Product, bool Created)>> SaveAsync(IReadOnlyList<ProductDraft> drafts, WriteMode mode, CancellationToken ct)
    {
        RejectRepeats(drafts.Select(d => d.Code), "Product code");
        RejectRepeats(drafts.SelectMany(d => d.Variants).Select(v => v.Sku), "SKU");
        RejectRepeats(drafts.SelectMany(d => d.Variants).Select(v => v.Gtin14), "GTIN");

        var codes = drafts.Select(d => d.Code).ToList();
        var existing = await db.Products.Include(p => p.Variants).AsSplitQuery()
            .Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, ct);

        if (mode == WriteMode.Create && existing.Count > 0)
            throw Duplicate($"Product '{existing.Keys.First()}' already exists.", [.. existing.Keys]);
        if (mode == WriteMode.Update && drafts.FirstOrDefault(d => !existing.ContainsKey(d.Code)) is { } missing)
            throw DomainException.NotFound("Product", missing.Code);

        await RejectTakenSkusAndGtins(drafts, ct);
        foreach (var draft in drafts)
        {
            if (existing.TryGetValue(draft.Code, out var product)) RejectSecondCurrency(product, draft);
        }

        var at = clock.GetUtcNow().UtcDateTime;
        var saved = new List<(Product, bool)>(drafts.Count);
        foreach (var draft in drafts)
        {
            if (existing.TryGetValue(draft.Code, out var product))
            {
                Apply(product, draft, at);
                db.Publish(product.ToUpdated(), at);
                saved.Add((product, false));
            }
            else
            {
                product = new Product
                {
                    Code = draft.Code, Name = draft.Name, Brand = draft.Brand, BrandKey = "", Category = draft.Category,
                    Description = draft.Description, Currency = draft.Variants[0].Price.Currency, SearchText = "", CreatedAt = at, UpdatedAt = at,
                };
                db.Products.Add(product);
                Apply(product, draft, at);
                db.Publish(product.ToCreated(), at);
                saved.Add((product, true));
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            throw Duplicate("Another request took one of these codes, SKUs or GTINs at the same time.", codes);
        }
        finally
        {
            cache.Invalidate();
            foreach (var code in codes) products.Invalidate(code);
        }
        return saved;
    }

    private void Apply(Product product, ProductDraft draft, DateTime at)
    {
        product.Name = draft.Name;
        product.Brand = draft.Brand;
        product.Category = draft.Category;
        product.Description = draft.Description;
        product.Currency = draft.Variants[0].Price.Currency;
        var bySku = product.Variants.ToDictionary(v => v.Sku);
        var position = product.Variants.Count == 0 ? 0 : product.Variants.Max(v => v.Position) + 1;
        foreach (var d in draft.Variants)
        {
            if (bySku.TryGetValue(d.Sku, out var variant))
            {
                variant.Gtin = d.Gtin;
                variant.Gtin14 = d.Gtin14;
                variant.Name = d.Name;
                variant.Attributes = d.Attributes;
                variant.Price = d.Price;
                variant.Images = d.Images;
            }
            else
            {
                variant = new Variant
                {
                    ProductId = product.Id, Product = product, Sku = d.Sku, Gtin = d.Gtin, Gtin14 = d.Gtin14, Name = d.Name,
                    Attributes = d.Attributes, Currency = d.Price.Currency, PriceMinor = d.Price.Minor, Images = d.Images, Position = position++,
                };
                product.Variants.Add(variant);
                db.Variants.Add(variant);
            }
        }
        product.UpdatedAt = at;
        product.Reindex();
    }

    private async Task RejectTakenSkusAndGtins(IReadOnlyList<ProductDraft> drafts, CancellationToken ct)
    {
        var ownerOfSku = drafts.SelectMany(d => d.Variants.Select(v => (v.Sku, d.Code))).ToDictionary(x => x.Sku, x => x.Code);
        var skuOfGtin = drafts.SelectMany(d => d.Variants).ToDictionary(v => v.Gtin14, v => v.Sku);
        var skus = ownerOfSku.Keys.ToList();
        var gtins = skuOfGtin.Keys.ToList();

        var taken = await db.Variants.AsNoTracking()
            .Where(v => skus.Contains(v.Sku) || gtins.Contains(v.Gtin14))
            .Select(v => new { v.Sku, v.Gtin14, ProductCode = v.Product.Code })
            .ToListAsync(ct);

        var conflicts = new List<string>();
        foreach (var t in taken)
        {
            if (ownerOfSku.TryGetValue(t.Sku, out var owner) && owner != t.ProductCode)
                conflicts.Add($"SKU {t.Sku} belongs to product {t.ProductCode}");
            if (skuOfGtin.TryGetValue(t.Gtin14, out var sku) && sku != t.Sku)
                conflicts.Add($"GTIN {t.Gtin14.TrimStart('0')} belongs to SKU {t.Sku}");
        }
        if (conflicts.Count > 0) throw Duplicate(string.Join("; ", conflicts) + ".", conflicts);
    }

    private static void RejectSecondCurrency(Product product, ProductDraft draft)
    {
        var currency = draft.Variants[0].Price.Currency;
        var listed = draft.Variants.Select(v => v.Sku).ToHashSet();
        var others = product.Variants.Where(v => !listed.Contains(v.Sku) && v.Currency != currency).Select(v => v.Sku).ToList();
        if (others.Count > 0)
            throw new DomainException("currency_mismatch",
                $"Product {product.Code} is priced in {product.Currency}; to move it to {currency}, send new prices for all its variants (missing: {string.Join(", ", others)}).");
    }

    private static void RejectRepeats(IEnumerable<string> values, string what)
    {
        var repeated = values.GroupBy(v => v).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0) throw Duplicate($"{what}(s) {string.Join(", ", repeated)} appear more than once in the request.", repeated);
    }

    private static DomainException Duplicate(string detail, IReadOnlyList<string> values) =>
        new("duplicate", detail, extensions: new Dictionary<string, object?> { ["duplicates"] = values });
}
