using Omni.Common;
using Omni.Contracts;

namespace Omni.Pricing.Engine;

/// <summary>What is being priced: lines with the catalog's (price book) unit price, category path and brand.</summary>
internal sealed record Basket(string Currency, IReadOnlyList<BasketLine> Lines);

internal sealed record BasketLine(string Sku, int Quantity, Money CatalogUnitPrice, string Category, string Brand);

/// <summary>Where and when the basket is priced. Codes and tiers compare without regard to case.</summary>
internal sealed record PricingContext(SalesChannel Channel, string? LocationCode, string? LoyaltyTier, DateTime At);

/// <summary>
/// A price that differs from the price book for one SKU in one channel and/or one store. Only these explicit,
/// reported records may make one channel's price differ from another's.
/// </summary>
internal sealed record PriceException(Guid Id, string Sku, SalesChannel? Channel, string? LocationCode, Money Price, string Reason)
{
    /// <summary>A store price is more specific than a channel price; one for both the channel and the store is the most specific.</summary>
    public int Specificity => (LocationCode is null ? 0 : 2) + (Channel is null ? 0 : 1);

    public bool AppliesTo(PricingContext context) =>
        (Channel is null || Channel == context.Channel)
        && (LocationCode is null || string.Equals(LocationCode, context.LocationCode, StringComparison.OrdinalIgnoreCase));
}
