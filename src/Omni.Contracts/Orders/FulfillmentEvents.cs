using Omni.Common;
using Omni.Common.Events;

namespace Omni.Contracts.Orders;

/// <summary>Units of one order line inside a fulfillment.</summary>
/// <param name="Sku">SKU.</param>
/// <param name="Quantity">Units.</param>
/// <param name="Amount">What the customer pays for these units (after discounts).</param>
public sealed record FulfillmentLine(string Sku, int Quantity, MoneyDto Amount);

/// <summary>A fulfillment left its location with a carrier: the payment for its lines is captured.</summary>
/// <param name="FulfillmentId">Fulfillment.</param>
/// <param name="OrderId">Order.</param>
/// <param name="OrderNumber">Human-facing order number.</param>
/// <param name="LocationCode">Where it left from.</param>
/// <param name="Amount">The value of the shipped lines.</param>
/// <param name="Lines">What was shipped.</param>
/// <param name="Carrier">Carrier, when known.</param>
/// <param name="TrackingNumber">Tracking number, when known.</param>
public sealed record FulfillmentShipped(Guid FulfillmentId, Guid OrderId, string OrderNumber, string LocationCode, MoneyDto Amount,
    IReadOnlyList<FulfillmentLine> Lines, string? Carrier, string? TrackingNumber) : IEvent
{
    /// <inheritdoc />
    public static string EventType => "fulfillment.shipped";
}

/// <summary>Goods were handed to the customer in a store (pickup, curbside, carry-out): the payment for them is captured.</summary>
/// <param name="FulfillmentId">Fulfillment.</param>
/// <param name="OrderId">Order.</param>
/// <param name="OrderNumber">Human-facing order number.</param>
/// <param name="LocationCode">The store.</param>
/// <param name="Amount">The value of the handed-over lines.</param>
/// <param name="Lines">What was handed over.</param>
public sealed record FulfillmentHandedOver(Guid FulfillmentId, Guid OrderId, string OrderNumber, string LocationCode, MoneyDto Amount,
    IReadOnlyList<FulfillmentLine> Lines) : IEvent
{
    /// <inheritdoc />
    public static string EventType => "fulfillment.handed_over";
}

/// <summary>A fulfillment is ready to collect; the pickup code is what the customer shows at the counter.</summary>
/// <param name="FulfillmentId">Fulfillment.</param>
/// <param name="OrderId">Order.</param>
/// <param name="OrderNumber">Human-facing order number.</param>
/// <param name="LocationCode">The store.</param>
/// <param name="PickupCode">The code the handover requires.</param>
/// <param name="ExpiresAt">When the uncollected pickup expires.</param>
/// <param name="CustomerEmail">Whom to tell, when known.</param>
public sealed record FulfillmentReadyForPickup(Guid FulfillmentId, Guid OrderId, string OrderNumber, string LocationCode, string PickupCode,
    DateTime ExpiresAt, string? CustomerEmail) : IEvent
{
    /// <inheritdoc />
    public static string EventType => "fulfillment.ready_for_pickup";
}

/// <summary>An uncollected pickup expired: its stock went back on sale and its payment is voided or refunded.</summary>
/// <param name="FulfillmentId">Fulfillment.</param>
/// <param name="OrderId">Order.</param>
/// <param name="OrderNumber">Human-facing order number.</param>
/// <param name="LocationCode">The store.</param>
/// <param name="Amount">The value no longer owed.</param>
public sealed record FulfillmentExpired(Guid FulfillmentId, Guid OrderId, string OrderNumber, string LocationCode, MoneyDto Amount) : IEvent
{
    /// <inheritdoc />
    public static string EventType => "fulfillment.expired";
}

/// <summary>Units of an order were cancelled without cancelling the order (a short pick that could not be re-sourced).</summary>
/// <param name="OrderId">Order.</param>
/// <param name="OrderNumber">Human-facing order number.</param>
/// <param name="Amount">The value no longer owed.</param>
/// <param name="Lines">What was cancelled.</param>
/// <param name="Reason">Why.</param>
public sealed record OrderLinesCancelled(Guid OrderId, string OrderNumber, MoneyDto Amount, IReadOnlyList<FulfillmentLine> Lines, string Reason) : IEvent
{
    /// <inheritdoc />
    public static string EventType => "order.lines_cancelled";
}
