using System.Text.Json;

namespace Omni.Common.Events.Subscriptions;

/// <summary>
/// A module's reaction to events other modules published (payments capture on <c>fulfillment.shipped</c>, orders
/// re-source on <c>inventory.oversold</c> …). Delivered at least once, in feed order, one subscriber at a time across
/// all nodes. <see cref="HandleAsync"/> runs inside a transaction on the request-scoped <see cref="Data.DbSession"/>:
/// the module's DbContext joins it, and the subscriber's cursor advances in the same commit. A redelivery happens only
/// after a failure rolled everything back, but handlers must still be idempotent (the same event may arrive again
/// after a crash between commit and acknowledgement on another node's view).
/// </summary>
public interface IEventSubscriber
{
    /// <summary>The event types this subscriber wants; the others are skipped without being read.</summary>
    IReadOnlyCollection<string> EventTypes { get; }

    Task HandleAsync(StoredEvent e, CancellationToken ct);
}

/// <summary>An event as stored in the outbox, with its feed position.</summary>
public sealed record StoredEvent(Guid Id, string Type, DateTime OccurredAt, long Position, string Data)
{
    public TEvent Read<TEvent>() where TEvent : IEvent =>
        JsonSerializer.Deserialize<TEvent>(Data, EventJson.Options)
        ?? throw new InvalidOperationException($"Event {Id} of type {Type} has an empty payload.");
}
