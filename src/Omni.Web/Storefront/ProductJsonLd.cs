using System.Text.Json;
using Omni.Catalog.Features;
using Omni.Contracts.Pricing;
using Omni.Inventory.Features;

namespace Omni.Web.Storefront;

/// <summary>schema.org Product markup, so search engines show the same price and stock as the page.</summary>
internal static class ProductJsonLd
{
    public static string Script(ProductDetails product, IReadOnlyDictionary<string, ShelfPrice> prices, IReadOnlyDictionary<string, SkuAvailability> stock)
    {
        var document = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Product",
            ["productID"] = product.Code,
            ["name"] = product.Name,
            ["brand"] = new Dictionary<string, object> { ["@type"] = "Brand", ["name"] = product.Brand },
            ["category"] = product.Category,
            ["description"] = product.Description,
            ["offers"] = product.Variants.Where(v => prices.ContainsKey(v.Sku)).Select(v => new Dictionary<string, object>
            {
                ["@type"] = "Offer",
                ["sku"] = v.Sku,
                ["gtin"] = v.Gtin,
                ["name"] = v.Name,
                ["price"] = prices[v.Sku].Price.Major,
                ["priceCurrency"] = prices[v.Sku].Price.Currency,
                ["availability"] = stock.GetValueOrDefault(v.Sku)?.Available > 0 ? "https://schema.org/InStock" : "https://schema.org/OutOfStock",
            }).ToList(),
        };
        // The default encoder escapes '<', so no value can close the script element early.
        return $"<script type=\"application/ld+json\">{JsonSerializer.Serialize(document)}</script>";
    }
}
