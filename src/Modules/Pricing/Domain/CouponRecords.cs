using Omni.Contracts;
using Omni.Pricing.Engine;

namespace Omni.Pricing.Domain;

internal enum CouponKind
{
    /// <summary>One code many customers type (a flyer, a newsletter), limited by its global and per-customer limits.</summary>
    Shared,
    /// <summary>A batch of generated codes, each with its own use limit (usually one), optionally assigned to a customer.</summary>
    Unique,
}

/// <summary>A coupon campaign: what unlocks its promotion and under which limits. Its codes are <see cref="CouponCodeRecord"/>s.</summary>
internal sealed class CouponRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; init; }
    public Guid PromotionId { get; init; }
    public CouponKind Kind { get; init; }
    /// <summary>Uses allowed per code; null = unlimited.</summary>
    public int? MaxUsesPerCode { get; init; }
    /// <summary>Uses allowed per customer across all codes of the coupon; null = unlimited.</summary>
    public int? PerCustomerLimit { get; init; }
    public DateTime CreatedAt { get; init; }
}

/// <summary>
/// A code someone can type. <see cref="Uses"/> changes only through one conditional update (CouponLedger), never read-modify-write,
/// so the limit holds across channels and server nodes.
/// </summary>
internal sealed class CouponCodeRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CouponId { get; init; }
    public required string Code { get; init; }
    public int? MaxUses { get; init; }
    public int Uses { get; init; }
    public Guid? AssignedCustomerId { get; init; }
    public string? AssignedEmail { get; init; }
    public DateTime CreatedAt { get; init; }
}

/// <summary>How many times one customer used one coupon: the per-customer limit is a conditional upsert of this row.</summary>
internal sealed class CouponCustomerUse
{
    public Guid CouponId { get; init; }
    public required string CustomerKey { get; init; }
    public int Uses { get; init; }
}

internal enum RedemptionStatus
{
    Redeemed,
    Released,
}

/// <summary>
/// One use of a code by one order. <see cref="OverLimit"/>: a store sale made offline used a code beyond a limit; the sale is
/// a fact and keeps its discount, the use is not counted and the row is listed by the over-limit report.
/// </summary>
internal sealed class CouponRedemptionRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CouponId { get; init; }
    public Guid CodeId { get; init; }
    public required string Code { get; init; }
    public Guid OrderId { get; init; }
    public SalesChannel Channel { get; init; }
    public string? LocationCode { get; init; }
    public string? CustomerKey { get; init; }
    public long DiscountMinor { get; init; }
    public required string Currency { get; init; }
    public bool OverLimit { get; init; }
    /// <summary>Which limit an over-limit use broke: <c>coupon_exhausted</c> or <c>coupon_limit_per_customer</c>.</summary>
    public string? OverLimitReason { get; init; }
    public RedemptionStatus Status { get; set; }
    public DateTime RedeemedAt { get; init; }
    public DateTime? ReleasedAt { get; set; }
}

/// <summary>A row of the tax table; <see cref="ScopeKey"/> (<c>US|CA</c>, <c>FR|*</c>) keeps one rate per country or region on both databases.</summary>
internal sealed class TaxRateRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Country { get; init; }
    public string? Region { get; init; }
    public required string ScopeKey { get; init; }
    public required string Name { get; set; }
    public int RateMillipercent { get; set; }
    public bool Inclusive { get; set; }
    public DateTime UpdatedAt { get; set; }

    public static string KeyOf(string country, string? region) => $"{country}|{region ?? "*"}";

    public TaxRate ToEngine() => new(Country, Region, Name, RateMillipercent, Inclusive);
}
