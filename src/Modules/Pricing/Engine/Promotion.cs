using Omni.Common;
using Omni.Contracts;

namespace Omni.Pricing.Engine;

internal enum PromotionKind
{
    PercentOff,
    AmountOff,
    BuyXGetY,
    SpendThreshold,
}

internal enum TargetType
{
    Sku,
    Category,
    Brand,
    Cart,
}

internal enum Stacking
{
    Stackable,
    Exclusive,
}

/// <summary>
/// A promotion as the engine sees it. Percentages are basis points (1250 = 12.5 %) so the engine stays in integers.
/// <see cref="Amount"/> is per unit for SKU, category and brand targets and once per cart for the cart target and thresholds.
/// </summary>
internal sealed record Promotion(
    Guid Id,
    string Code,
    string Name,
    PromotionKind Kind,
    TargetType Target,
    IReadOnlyList<string> TargetValues,
    int? PercentBasisPoints = null,
    Money? Amount = null,
    int BuyQuantity = 0,
    int GetQuantity = 0,
    int GetPercentBasisPoints = 10_000,
    Money? Threshold = null,
    IReadOnlyList<SalesChannel>? Channels = null,
    IReadOnlyList<string>? Locations = null,
    IReadOnlyList<string>? LoyaltyTiers = null,
    DateTime? StartsAt = null,
    DateTime? EndsAt = null,
    int Priority = 0,
    Stacking Stacking = Stacking.Stackable,
    bool Active = true,
    bool CouponOnly = false)
{
    /// <summary>False for a coupon-only promotion whose coupon was not presented: it is left out silently, so a quote never advertises coupons.</summary>
    public bool Unlocked(PricingContext context) => !CouponOnly || (context.CouponPromotions?.Contains(Id) ?? false);

    public bool Targets(BasketLine line)
    {
        switch (Target)
        {
            case TargetType.Cart:
                return true;
            case TargetType.Sku:
                foreach (var sku in TargetValues) if (string.Equals(sku, line.Sku, StringComparison.OrdinalIgnoreCase)) return true;
                return false;
            case TargetType.Brand:
                foreach (var brand in TargetValues) if (string.Equals(brand, line.Brand, StringComparison.OrdinalIgnoreCase)) return true;
                return false;
            case TargetType.Category:
                foreach (var prefix in TargetValues) if (IsUnderCategory(line.Category, prefix)) return true;
                return false;
            default:
                return false;
        }
    }

    /// <summary>Prefix on whole path segments: <c>apparel</c> covers <c>apparel/tops</c> but not <c>apparel-outlet</c>.</summary>
    internal static bool IsUnderCategory(string category, string prefix)
    {
        var trimmed = prefix.TrimEnd('/');
        if (!category.StartsWith(trimmed, StringComparison.OrdinalIgnoreCase)) return false;
        return category.Length == trimmed.Length || category[trimmed.Length] == '/';
    }

    /// <summary>Null when the promotion may run in <paramref name="context"/>; otherwise why not.</summary>
    public NotAppliedReason? OutOfScope(PricingContext context, string currency)
    {
        if (!Active) return NotAppliedReason.Inactive;
        if (StartsAt is { } start && context.At < start) return NotAppliedReason.NotYetValid;
        if (EndsAt is { } end && context.At >= end) return NotAppliedReason.Expired;
        if (Channels is { Count: > 0 } channels && !channels.Contains(context.Channel)) return NotAppliedReason.ChannelOutOfScope;
        if (Locations is { Count: > 0 } locations && !ContainsIgnoringCase(locations, context.LocationCode)) return NotAppliedReason.LocationOutOfScope;
        if (LoyaltyTiers is { Count: > 0 } tiers && !ContainsIgnoringCase(tiers, context.LoyaltyTier)) return NotAppliedReason.LoyaltyTierOutOfScope;
        if ((Amount is { } amount && amount.Currency != currency) || (Threshold is { } threshold && threshold.Currency != currency))
            return NotAppliedReason.CurrencyMismatch;
        return null;
    }

    private static bool ContainsIgnoringCase(IReadOnlyList<string> values, string? value)
    {
        if (value is null) return false;
        foreach (var v in values) if (string.Equals(v, value, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
