using Omni.Common;
using Omni.Common.Events;

namespace Omni.Contracts.Orders;

/// <summary>A line of an order event.</summary>
/// <param name="Sku">SKU.</param>
/// <param name="Quantity">Units.</param>
/// <param name="Method">Fulfillment method.</param>
/// <param name="Allocations">Location code → units.</param>
public sealed record OrderLineSummary(string Sku, int Quantity, string Method, IReadOnlyDictionary<string, int> Allocations);

/// <summary>An order was accepted and its stock reserved (or, for a store sale, taken).</summary>
/// <param name="OrderId">Id.</param>
/// <param name="Number">Human-facing number.</param>
/// <param name="Channel">Sales channel.</param>
/// <param name="Total">Order total.</param>
/// <param name="CustomerEmail">Customer e-mail if given.</param>
/// <param name="Lines">Lines.</param>
/// <param name="CustomerPhone">Customer phone as given, if any (added after the first release: absent in older events).</param>
/// <param name="CustomerName">Customer name if given (added after the first release: absent in older events).</param>
/// <param name="CustomerId">The customer profile the order belongs to, when known (added later: absent in older events).</param>
public sealed record OrderPlaced(Guid OrderId, string Number, string Channel, MoneyDto Total, string? CustomerEmail, IReadOnlyList<OrderLineSummary> Lines,
    string? CustomerPhone = null, string? CustomerName = null, Guid? CustomerId = null) : IEvent
{
    /// <inheritdoc />
    public static string EventType => "order.placed";
}

/// <summary>An order was cancelled and its reservations released.</summary>
/// <param name="OrderId">Id.</param>
/// <param name="Number">Human-facing number.</param>
/// <param name="Reason">Why.</param>
public sealed record OrderCancelled(Guid OrderId, string Number, string? Reason) : IEvent
{
    /// <inheritdoc />
    public static string EventType => "order.cancelled";
}
