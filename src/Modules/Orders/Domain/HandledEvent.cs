namespace Omni.Orders.Domain;

/// <summary>An event a subscriber of this module already acted on: delivery is at least once, the effects must be once.</summary>
internal sealed class HandledEvent
{
    public Guid EventId { get; init; }
    public required string Subscriber { get; init; }
    public DateTime HandledAt { get; init; }
}
