namespace Omni.Customers.Domain;

/// <summary>A line of the points ledger. (kind, reference) is unique: earning for an order or redeeming for a checkout happens once.</summary>
internal sealed class LoyaltyEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CustomerId { get; set; }
    public long Points { get; init; }
    public required string Kind { get; init; }
    public required string Reference { get; init; }
    public DateTime OccurredAt { get; init; }
}

internal static class LoyaltyKinds
{
    public const string Earn = "earn";
    public const string Redeem = "redeem";
    /// <summary>Points an order earned, taken back when it was cancelled.</summary>
    public const string EarnReversed = "earn_reversed";
    /// <summary>Points an order was paid with, given back when it was cancelled.</summary>
    public const string Release = "release";
}

/// <summary>A tier reached at <see cref="MinPoints"/> points earned. Data, not code: seeded, changed in the table.</summary>
internal sealed class LoyaltyTier
{
    public required string Name { get; init; }
    public long MinPoints { get; init; }

    public static (LoyaltyTier? Current, LoyaltyTier? Next) For(IReadOnlyList<LoyaltyTier> tiers, long earned)
    {
        var ordered = tiers.OrderBy(t => t.MinPoints).ToList();
        return (ordered.LastOrDefault(t => t.MinPoints <= earned), ordered.FirstOrDefault(t => t.MinPoints > earned));
    }
}
