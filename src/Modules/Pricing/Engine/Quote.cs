using Omni.Common;

namespace Omni.Pricing.Engine;

internal enum PriceSource
{
    Catalog,
    Exception,
    Till,
}

internal enum NotAppliedReason
{
    Inactive,
    NotYetValid,
    Expired,
    ChannelOutOfScope,
    LocationOutOfScope,
    LoyaltyTierOutOfScope,
    CurrencyMismatch,
    BlockedByExclusive,
    ThresholdNotMet,
    QuantityNotMet,
    NotCheapestUnits,
    NothingLeftToDiscount,
}

/// <summary>
/// A priced basket. Σ line totals = <see cref="Total"/>, Σ adjustments = <see cref="DiscountTotal"/> and Σ line taxes =
/// <see cref="TaxTotal"/>, to the minor unit. <see cref="Tax"/> is null when no rate applied (then every tax is zero).
/// </summary>
internal sealed record Quote(
    string Currency, IReadOnlyList<QuoteLine> Lines, Money Subtotal, Money DiscountTotal, Money Total, IReadOnlyList<Adjustment> Promotions,
    Money TaxTotal, TaxRate? Tax = null);

internal sealed record QuoteLine(
    string Sku,
    int Quantity,
    Money CatalogUnitPrice,
    Money BaseUnitPrice,
    PriceSource PriceSource,
    Guid? PriceExceptionId,
    string? PriceExceptionReason,
    Money Subtotal,
    IReadOnlyList<Adjustment> Adjustments,
    Money Discount,
    Money Total,
    IReadOnlyList<NotApplied> NotApplied,
    Money Tax)
{
    /// <summary>What the line costs before tax is added: subtotal less discounts (VAT-inclusive prices still hold their VAT here).</summary>
    public Money Net => Subtotal with { Minor = Subtotal.Minor - Discount.Minor };
}

internal sealed record Adjustment(Guid PromotionId, string Code, string Name, Money Amount);

/// <summary>A promotion that aimed at a line but did not reduce it; <c>BlockedBy</c> names the exclusive promotion that took the line first.</summary>
internal sealed record NotApplied(Guid PromotionId, string Code, NotAppliedReason Reason, string? BlockedBy = null);
