namespace Omni.Integration.Subscriptions;

/// <summary>
/// Where an in-process event subscriber (Omni.Common's EventSubscriptionRunner) has read up to. Integration owns the
/// table because it owns the events table; the runner reads and writes it with plain SQL on the shared connection.
/// </summary>
internal sealed class EventSubscriptionCursor
{
    public required string Name { get; init; }
    public long Position { get; set; }
}

/// <summary>An event a subscriber gave up on after its retries, kept for an operator to look at and replay by hand.</summary>
internal sealed class EventSubscriptionFailure
{
    public long Id { get; init; }
    public required string Subscriber { get; init; }
    public required string EventId { get; init; }
    public long Position { get; init; }
    public required string Error { get; init; }
    public DateTime FailedAt { get; init; }
}
