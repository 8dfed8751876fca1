using System.Text.Json;

namespace Omni.Common.Events;

/// <summary>
/// A fact one module published, stored in the same transaction as the change that caused it. <see cref="Position"/>
/// is assigned after commit, in commit order, by the single event dispatcher: that is what the public feed pages by,
/// so a reader never skips an event that committed late.
/// </summary>
public sealed class OutboxEvent
{
    public Guid Id { get; init; } = EventIds.Next();
    public required string Type { get; init; }
    public required string Data { get; init; }
    public DateTime OccurredAt { get; init; }
    public long? Position { get; set; }

    public static OutboxEvent From<TEvent>(TEvent @event, DateTime occurredAt) where TEvent : IEvent => new()
    {
        Type = TEvent.EventType,
        Data = JsonSerializer.Serialize(@event, EventJson.Options),
        OccurredAt = occurredAt,
    };
}

/// <summary>A past-tense fact other modules and integrators may react to.</summary>
public interface IEvent
{
    /// <summary>The dotted lower-case type in the public feed, e.g. <c>order.placed</c>.</summary>
    static abstract string EventType { get; }
}

public static class EventJson
{
    public static readonly JsonSerializerOptions Options = Http.OmniJson.Create();
}
