using Omni.Common.Events;

namespace Omni.Contracts.Orders;

/// <summary>A store picked a fulfillment; units it did not find are re-sourced elsewhere or cancelled.</summary>
/// <param name="FulfillmentId">Fulfillment.</param>
/// <param name="OrderId">Order.</param>
/// <param name="OrderNumber">Human-facing order number.</param>
/// <param name="LocationCode">Where it was picked.</param>
/// <param name="Picked">Units found.</param>
/// <param name="Missing">Units missing (a short pick); empty when everything was found.</param>
public sealed record FulfillmentPicked(Guid FulfillmentId, Guid OrderId, string OrderNumber, string LocationCode,
    IReadOnlyList<FulfillmentLine> Picked, IReadOnlyList<FulfillmentLine> Missing) : IEvent
{
    /// <inheritdoc />
    public static string EventType => "fulfillment.picked";
}

/// <summary>A fulfillment was packed and waits for the carrier.</summary>
/// <param name="FulfillmentId">Fulfillment.</param>
/// <param name="OrderId">Order.</param>
/// <param name="OrderNumber">Human-facing order number.</param>
/// <param name="LocationCode">Where it was packed.</param>
public sealed record FulfillmentPacked(Guid FulfillmentId, Guid OrderId, string OrderNumber, string LocationCode) : IEvent
{
    /// <inheritdoc />
    public static string EventType => "fulfillment.packed";
}

/// <summary>
/// A ship-to-store parcel left its origin for the store that hands it over. Its stock left the origin's books; it is
/// counted again when the store receives it. No payment is captured yet: that happens at handover.
/// </summary>
/// <param name="FulfillmentId">Fulfillment.</param>
/// <param name="OrderId">Order.</param>
/// <param name="OrderNumber">Human-facing order number.</param>
/// <param name="LocationCode">Where it left from.</param>
/// <param name="DestinationCode">The store it goes to.</param>
/// <param name="Carrier">Carrier, when known.</param>
/// <param name="TrackingNumber">Tracking number, when known.</param>
public sealed record FulfillmentInTransit(Guid FulfillmentId, Guid OrderId, string OrderNumber, string LocationCode, string DestinationCode,
    string? Carrier, string? TrackingNumber) : IEvent
{
    /// <inheritdoc />
    public static string EventType => "fulfillment.in_transit";
}

/// <summary>A ship-to-store parcel arrived at its store; its units are on hand there, reserved for the order.</summary>
/// <param name="FulfillmentId">Fulfillment.</param>
/// <param name="OrderId">Order.</param>
/// <param name="OrderNumber">Human-facing order number.</param>
/// <param name="LocationCode">The store that received it.</param>
public sealed record FulfillmentReceivedAtStore(Guid FulfillmentId, Guid OrderId, string OrderNumber, string LocationCode) : IEvent
{
    /// <inheritdoc />
    public static string EventType => "fulfillment.received_at_store";
}

/// <summary>A curbside customer is waiting outside the store.</summary>
/// <param name="FulfillmentId">Fulfillment.</param>
/// <param name="OrderId">Order.</param>
/// <param name="OrderNumber">Human-facing order number.</param>
/// <param name="LocationCode">The store.</param>
public sealed record FulfillmentCustomerArrived(Guid FulfillmentId, Guid OrderId, string OrderNumber, string LocationCode) : IEvent
{
    /// <inheritdoc />
    public static string EventType => "fulfillment.customer_arrived";
}

/// <summary>The carrier delivered a shipped fulfillment to the customer.</summary>
/// <param name="FulfillmentId">Fulfillment.</param>
/// <param name="OrderId">Order.</param>
/// <param name="OrderNumber">Human-facing order number.</param>
/// <param name="LocationCode">Where it was shipped from.</param>
public sealed record FulfillmentDelivered(Guid FulfillmentId, Guid OrderId, string OrderNumber, string LocationCode) : IEvent
{
    /// <inheritdoc />
    public static string EventType => "fulfillment.delivered";
}

/// <summary>A fulfillment was cancelled before its goods left (the order was cancelled, or nothing of it could be picked).</summary>
/// <param name="FulfillmentId">Fulfillment.</param>
/// <param name="OrderId">Order.</param>
/// <param name="OrderNumber">Human-facing order number.</param>
/// <param name="LocationCode">Where it would have been picked.</param>
/// <param name="Reason">Why.</param>
public sealed record FulfillmentCancelled(Guid FulfillmentId, Guid OrderId, string OrderNumber, string LocationCode, string Reason) : IEvent
{
    /// <inheritdoc />
    public static string EventType => "fulfillment.cancelled";
}

/// <summary>Units a location could not serve (short pick, oversold stock) were re-sourced to another location as a new fulfillment.</summary>
/// <param name="FulfillmentId">The new fulfillment.</param>
/// <param name="OrderId">Order.</param>
/// <param name="OrderNumber">Human-facing order number.</param>
/// <param name="LocationCode">Where the units are picked now.</param>
/// <param name="Method">How they reach the customer: ship, pickup, curbside, shipToStore or carryOut.</param>
/// <param name="ReplacesFulfillmentId">The fulfillment that could not serve them.</param>
/// <param name="Lines">The re-sourced units.</param>
public sealed record FulfillmentResourced(Guid FulfillmentId, Guid OrderId, string OrderNumber, string LocationCode, string Method,
    Guid ReplacesFulfillmentId, IReadOnlyList<FulfillmentLine> Lines) : IEvent
{
    /// <inheritdoc />
    public static string EventType => "fulfillment.resourced";
}
