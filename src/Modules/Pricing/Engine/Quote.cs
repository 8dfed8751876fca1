using Omni.Common;

namespace Omni.Pricing.Engine;

internal enum PriceSource
{
    Catalog,
    Exception,
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

/// <summary>A priced basket. Σ line totals = <see cref="Total"/> and Σ adjustments = <see cref="DiscountTotal"/>, to the minor unit.</summary>
internal sealed record Quote(
    string Currency, IReadOnlyList<QuoteLine> Lines, Money Subtotal, Money DiscountTotal, Money Total, IReadOnlyList<Adjustment> Promotions);

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
    IReadOnlyList<NotApplied> NotApplied);

internal sealed record Adjustment(Guid PromotionId, string Code, string Name, Money Amount);

/// <summary>A promotion that aimed at a line but did not reduce it; <c>BlockedBy</c> names the exclusive promotion that took the line first.</summary>
internal sealed record NotApplied(Guid PromotionId, string Code, NotAppliedReason Reason, string? BlockedBy = null);
