using Omni.Common;
using Omni.Contracts;
using Omni.Contracts.Pricing;
using Omni.Pricing.Engine;

namespace Omni.Pricing.Domain;

/// <summary>A promotion as stored: plain data edited by its slices, turned into the engine's <see cref="Promotion"/> when cached.</summary>
internal sealed class PromotionRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Code { get; set; }
    public required string Name { get; set; }
    public PromotionKind Kind { get; set; }
    public TargetType TargetType { get; set; }
    public List<string> TargetValues { get; set; } = [];
    public int? PercentBasisPoints { get; set; }
    public long? AmountMinor { get; set; }
    public string? Currency { get; set; }
    public int BuyQuantity { get; set; }
    public int GetQuantity { get; set; }
    public int GetPercentBasisPoints { get; set; }
    public long? ThresholdMinor { get; set; }
    public List<SalesChannel> Channels { get; set; } = [];
    public List<string> Locations { get; set; } = [];
    public List<string> LoyaltyTiers { get; set; } = [];
    public DateTime? StartsAt { get; set; }
    public DateTime? EndsAt { get; set; }
    public int Priority { get; set; }
    public Stacking Stacking { get; set; }
    public bool Active { get; set; } = true;
    /// <summary>Runs only for a basket that presents one of its coupons.</summary>
    public bool CouponOnly { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }

    public Promotion ToEngine() => new(
        Id, Code, Name, Kind, TargetType, TargetValues, PercentBasisPoints,
        AmountMinor is { } amount ? new Money(amount, Currency!) : null,
        BuyQuantity, GetQuantity, GetPercentBasisPoints,
        ThresholdMinor is { } threshold ? new Money(threshold, Currency!) : null,
        Channels, Locations, LoyaltyTiers, StartsAt, EndsAt, Priority, Stacking, Active, CouponOnly);

    public PromotionCreated ToCreated() => new(Id, Code, Name, Camel(Kind), Priority, Camel(Stacking), Active, StartsAt, EndsAt);

    public PromotionUpdated ToUpdated() => new(Id, Code, Name, Camel(Kind), Priority, Camel(Stacking), Active, StartsAt, EndsAt);

    private static string Camel<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}

/// <summary>An explicit channel or store price; <see cref="ScopeKey"/> makes one SKU × channel × store scope unique on both databases (NULLs never collide in a unique index).</summary>
internal sealed class PriceExceptionRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Sku { get; init; }
    public SalesChannel? Channel { get; init; }
    public string? LocationCode { get; init; }
    public long PriceMinor { get; init; }
    public required string Currency { get; init; }
    public required string Reason { get; init; }
    public required string ScopeKey { get; init; }
    public DateTime CreatedAt { get; init; }

    public static string KeyOf(string sku, SalesChannel? channel, string? locationCode) =>
        $"{sku}|{channel?.ToString().ToLowerInvariant() ?? "*"}|{locationCode ?? "*"}";

    public PriceException ToEngine() => new(Id, Sku, Channel, LocationCode, new Money(PriceMinor, Currency), Reason);
}
