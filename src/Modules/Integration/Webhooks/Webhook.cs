namespace Omni.Integration.Webhooks;

/// <summary>A subscriber's endpoint and the event types it wants.</summary>
internal sealed class WebhookSubscription
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Url { get; init; }
    public required string[] Events { get; init; }
    public required string Secret { get; init; }
    public string? Description { get; init; }
    /// <summary>The fan-out cursor when the subscription was created: it receives the events positioned after it.</summary>
    public long StartPosition { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? DisabledAt { get; private set; }

    public bool IsActive => DisabledAt is null;

    public bool Wants(string eventType) => EventPatterns.Matches(Events, eventType);

    public void Disable(DateTime at) => DisabledAt ??= at;
}

/// <summary>One event owed to one subscription, from fan-out until it is delivered or dead-lettered.</summary>
internal sealed class WebhookDelivery
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SubscriptionId { get; init; }
    public Guid EventId { get; init; }
    public long EventPosition { get; init; }
    public required string EventType { get; init; }
    public string Status { get; set; } = DeliveryStatus.Pending;
    /// <summary>All attempts ever made; numbers the delivery log.</summary>
    public int Attempts { get; set; }
    /// <summary>Attempts since the delivery was last queued: what the dead-letter limit counts, so a replay gets the full schedule.</summary>
    public int RoundAttempts { get; set; }
    /// <summary>When pending: when it is due. When in flight: when the claiming node's lease runs out.</summary>
    public DateTime NextAttemptAt { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime? DeliveredAt { get; set; }

    public bool IsSettled => Status is DeliveryStatus.Delivered or DeliveryStatus.Dead;

    public void Requeue(DateTime now)
    {
        Status = DeliveryStatus.Pending;
        RoundAttempts = 0;
        NextAttemptAt = now;
    }
}

internal static class DeliveryStatus
{
    public const string Pending = "pending";
    public const string InFlight = "in_flight";
    public const string Delivered = "delivered";
    public const string Dead = "dead";

    public static readonly string[] All = [Pending, InFlight, Delivered, Dead];
}

/// <summary>One HTTP attempt of a delivery: the delivery log.</summary>
internal sealed class WebhookAttempt
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid DeliveryId { get; init; }
    public int Number { get; init; }
    public DateTime AttemptedAt { get; init; }
    public int DurationMs { get; init; }
    public int? StatusCode { get; init; }
    public string? Error { get; init; }
    public bool Succeeded { get; init; }
}

/// <summary>How far fan-out has read the events table, by position; one row shared by every node.</summary>
internal sealed class WebhookCursor
{
    public const string Fanout = "fanout";

    public required string Name { get; init; }
    public long Position { get; set; }
}
