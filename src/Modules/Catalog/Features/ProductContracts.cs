using Omni.Catalog.Domain;
using Omni.Common;
using Omni.Common.Validation;
using Omni.Contracts.Catalog;

namespace Omni.Catalog.Features;

/// <summary>The body of create, update and import.</summary>
internal sealed record ProductRequest(string? Code, string? Name, string? Brand, string? Category, string? Description, List<VariantRequest?>? Variants);

internal sealed record VariantRequest(string? Sku, string? Gtin, string? Name, Dictionary<string, string?>? Attributes, MoneyDto? Price, List<string?>? Images);

internal sealed record ProductDetails(
    string Code, string Name, string Brand, string Category, string? Description, IReadOnlyList<VariantDetails> Variants,
    DateTime CreatedAt, DateTime UpdatedAt);

internal sealed record VariantDetails(string Sku, string Gtin, string Name, IReadOnlyDictionary<string, string> Attributes, MoneyDto Price, IReadOnlyList<string> Images);

/// <summary>A validated, normalized product, ready to write.</summary>
internal sealed record ProductDraft(string Code, string Name, string Brand, string Category, string? Description, IReadOnlyList<VariantDraft> Variants);

internal sealed record VariantDraft(string Sku, string Gtin, string Name, Dictionary<string, string> Attributes, Money Price, List<string> Images)
{
    public string Gtin14 => Domain.Gtin.ToGtin14(Gtin);
}

internal static class ProductMapping
{
    public static ProductDetails ToDetails(this Product p) => new(
        p.Code, p.Name, p.Brand, p.Category, p.Description,
        [.. p.Variants.OrderBy(v => v.Position).Select(v => new VariantDetails(v.Sku, v.Gtin, v.Name, v.Attributes, v.Price.ToDto(), v.Images))],
        p.CreatedAt, p.UpdatedAt);

    public static ProductRequest ToRequest(this ImportedProduct p) => new(
        p.Code, p.Name, p.Brand, p.Category, p.Description,
        p.Variants?.Select(v => v is null ? null : new VariantRequest(
            v.Sku, v.Gtin, v.Name, v.Attributes?.ToDictionary(a => a.Key, a => (string?)a.Value), v.Price, v.Images?.Select(i => (string?)i).ToList())).ToList());
}

internal static class ProductRules
{
    public const int MaxVariants = 100;
    private const int MaxAttributes = 30;
    private const int MaxImages = 20;

    /// <summary>Codes and SKUs are compared without regard to case: "tee-basic" and "TEE-BASIC" are one product.</summary>
    public static string NormalizeCode(string code) => code.Trim().ToUpperInvariant();

    /// <summary>Validates and normalizes; null when <paramref name="v"/> got errors. <paramref name="prefix"/> names the item in a batch, e.g. <c>[3].</c>.</summary>
    public static ProductDraft? Validate(Validator v, ProductRequest? r, string prefix = "")
    {
        if (r is null) { v.Add(prefix.Length == 0 ? "body" : prefix.TrimEnd('.'), "is required."); return null; }

        v.Code($"{prefix}code", r.Code);
        v.Required($"{prefix}name", r.Name, 200);
        v.Required($"{prefix}brand", r.Brand, 100);
        var category = Category(v, $"{prefix}category", r.Category);
        v.Optional($"{prefix}description", r.Description, 4000);

        var variants = new List<VariantDraft>();
        if (r.Variants is null || r.Variants.Count == 0) v.Add($"{prefix}variants", "must contain at least one variant.");
        else if (r.Variants.Count > MaxVariants) v.Add($"{prefix}variants", $"must contain at most {MaxVariants} variants.");
        else
        {
            string? currency = null;
            for (var i = 0; i < r.Variants.Count; i++)
            {
                var field = $"{prefix}variants[{i}]";
                if (ValidateVariant(v, r.Variants[i], field) is not { } variant) continue;
                currency ??= variant.Price.Currency;
                if (variant.Price.Currency != currency)
                    v.Add($"{field}.price.currency", $"must be {currency} like the other variants: a product is priced in one currency.");
                variants.Add(variant);
            }
        }

        if (!v.IsValid) return null;
        return new ProductDraft(NormalizeCode(r.Code!), r.Name!.Trim(), r.Brand!.Trim(), category!,
            string.IsNullOrWhiteSpace(r.Description) ? null : r.Description.Trim(), variants);
    }

    private static VariantDraft? ValidateVariant(Validator v, VariantRequest? r, string field)
    {
        if (r is null) { v.Add(field, "is required."); return null; }
        var ok = v.Code($"{field}.sku", r.Sku);
        ok &= v.Required($"{field}.name", r.Name, 200);

        if (!v.Required($"{field}.gtin", r.Gtin, 14)) ok = false;
        else if (!Gtin.HasValidLength(r.Gtin!)) { v.Add($"{field}.gtin", "must be 8, 12, 13 or 14 digits."); ok = false; }
        else if (!Gtin.IsValid(r.Gtin!)) { v.Add($"{field}.gtin", "has a wrong check digit."); ok = false; }

        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (r.Attributes is { Count: > MaxAttributes }) { v.Add($"{field}.attributes", $"must have at most {MaxAttributes} entries."); ok = false; }
        else
        {
            foreach (var (key, value) in r.Attributes ?? [])
            {
                if (key.Length is 0 or > 50 || string.IsNullOrWhiteSpace(key)) { v.Add($"{field}.attributes", $"names must be 1 to 50 characters ('{Truncate(key)}')."); ok = false; }
                else if (!v.Required($"{field}.attributes.{key}", value, 200)) ok = false;
                else attributes[key] = value!;
            }
        }

        var images = new List<string>();
        if (r.Images is { Count: > MaxImages }) { v.Add($"{field}.images", $"must have at most {MaxImages} entries."); ok = false; }
        else
        {
            for (var i = 0; i < (r.Images?.Count ?? 0); i++)
            {
                var image = r.Images![i];
                if (image is null || image.Length > 1000 || !Uri.TryCreate(image, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                { v.Add($"{field}.images[{i}]", "must be an absolute http(s) URL of at most 1000 characters."); ok = false; }
                else images.Add(image);
            }
        }

        var price = v.Money($"{field}.price", r.Price);
        if (price is null || !ok) return null;
        return new VariantDraft(NormalizeCode(r.Sku!), r.Gtin!, r.Name!.Trim(), attributes, price.Value, images);
    }

    /// <summary>Category paths are lower-case segments separated by '/', e.g. <c>apparel/tops</c>; filters match a path and everything below it.</summary>
    private static string? Category(Validator v, string field, string? value)
    {
        if (!v.Required(field, value, 200)) return null;
        var path = value!.Trim().Trim('/').ToLowerInvariant();
        if (path.Length == 0 || path.Split('/').Any(s => s.Trim().Length == 0 || s.Trim() != s))
        {
            v.Add(field, "must be a path of non-empty segments separated by '/', e.g. apparel/tops.");
            return null;
        }
        return path;
    }

    private static string Truncate(string text) => text.Length > 20 ? text[..20] + "…" : text;
}
