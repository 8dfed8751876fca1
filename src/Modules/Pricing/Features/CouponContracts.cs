using Omni.Common;
using Omni.Contracts;
using Omni.Pricing.Domain;

namespace Omni.Pricing.Features;

internal sealed record CouponRecipient(Guid? CustomerId, string? Email);

/// <summary>
/// A shared code (<c>code</c>, <c>maxUses</c> = global limit) or a batch of generated unique codes (<c>count</c> or one per
/// <c>recipients</c> entry, <c>maxUses</c> per code, default 1). <c>perCustomerLimit</c> counts across all codes of the coupon.
/// </summary>
internal sealed record CouponRequest(
    string? Name, Guid? PromotionId, CouponKind? Kind, string? Code, int? MaxUses, int? PerCustomerLimit, int? Count, string? Prefix,
    List<CouponRecipient>? Recipients);

internal sealed record CouponDetails(
    Guid Id, string Name, Guid PromotionId, CouponKind Kind, int? MaxUsesPerCode, int? PerCustomerLimit, int CodeCount, long Uses,
    DateTime CreatedAt, IReadOnlyList<CouponCodeDetails>? Codes);

internal sealed record CouponCodeDetails(string Code, int? MaxUses, int Uses, Guid? AssignedCustomerId, string? AssignedEmail);

internal sealed record CouponCodePage(IReadOnlyList<CouponCodeDetails> Items, string? Next);

internal sealed record RedemptionDetails(
    Guid Id, Guid CouponId, string Code, Guid OrderId, SalesChannel Channel, string? LocationCode, string? Customer, MoneyDto Discount,
    RedemptionStatus Status, bool OverLimit, string? OverLimitReason, DateTime RedeemedAt, DateTime? ReleasedAt);

internal sealed record RedemptionPage(IReadOnlyList<RedemptionDetails> Items, string? Next);

internal static class CouponMapping
{
    public static CouponCodeDetails ToDetails(this CouponCodeRecord c) => new(c.Code, c.MaxUses, c.Uses, c.AssignedCustomerId, c.AssignedEmail);

    public static CouponDetails ToDetails(this CouponRecord c, int codeCount, long uses, IReadOnlyList<CouponCodeDetails>? codes) =>
        new(c.Id, c.Name, c.PromotionId, c.Kind, c.MaxUsesPerCode, c.PerCustomerLimit, codeCount, uses, c.CreatedAt, codes);

    public static RedemptionDetails ToDetails(this CouponRedemptionRecord r) => new(
        r.Id, r.CouponId, r.Code, r.OrderId, r.Channel, r.LocationCode, r.CustomerKey, new Money(r.DiscountMinor, r.Currency).ToDto(),
        r.Status, r.OverLimit, r.OverLimitReason, r.RedeemedAt, r.ReleasedAt);

    /// <summary>Redemptions page by id: ids are version-7 GUIDs, so id order is the order they were made in.</summary>
    public static string? NextCursor(IReadOnlyList<CouponRedemptionRecord> page, int take) => page.Count > take ? page[take - 1].Id.ToString("N") : null;
}
