namespace Omni.Customers.Domain;

/// <summary>What a customer may be contacted or profiled for.</summary>
public enum ConsentPurpose
{
    Email,
    Sms,
    Push,
    Personalization,
    Location,
}

/// <summary>
/// One consent decision: granted or withdrawn, for one purpose, given on one channel. The ledger is only ever appended
/// to; the current state is the latest decision per purpose (by when it was given, then by when it was recorded).
/// </summary>
internal sealed class ConsentEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CustomerId { get; set; }
    public ConsentPurpose Purpose { get; init; }
    public bool Granted { get; init; }
    public required string Channel { get; init; }
    public DateTime OccurredAt { get; init; }
    public DateTime RecordedAt { get; init; }
    public required string RecordedBy { get; init; }
}

internal static class ConsentState
{
    public static IReadOnlyList<ConsentEntry> Current(IEnumerable<ConsentEntry> ledger) =>
        ledger.GroupBy(e => e.Purpose)
            .Select(g => g.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.RecordedAt).ThenByDescending(e => e.Id).First())
            .OrderBy(e => e.Purpose).ToList();
}
