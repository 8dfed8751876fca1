using Omni.Common;
using Omni.Contracts;

namespace Omni.Pricing.Engine;

/// <summary>What is being priced: lines with the catalog's (price book) unit price, category path and brand.</summary>
internal sealed record Basket(string Currency, IReadOnlyList<BasketLine> Lines);

/// <summary>
/// One line. <paramref name="TillUnitPrice"/> is the price a till already charged for a sale that happened: it is the
/// line's base price as a fact, so no price exception replaces it; promotions and coupons still apply on top.
/// </summary>
internal sealed record BasketLine(string Sku, int Quantity, Money CatalogUnitPrice, string Category, string Brand, Money? TillUnitPrice = null);

/// <summary>
/// Where and when the basket is priced. Codes and tiers compare without regard to case. <paramref name="CouponPromotions"/>
/// holds the promotions unlocked by the coupons presented: a coupon-only promotion runs only when its id is there.
/// </summary>
internal sealed record PricingContext(SalesChannel Channel, string? LocationCode, string? LoyaltyTier, DateTime At, IReadOnlySet<Guid>? CouponPromotions = null);

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
