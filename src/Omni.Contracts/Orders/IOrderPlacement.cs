using Omni.Common;

namespace Omni.Contracts.Orders;

/// <summary>A line of an order another module places; validated exactly like a line of <c>POST /api/v1/orders</c>.</summary>
/// <param name="Sku">SKU.</param>
/// <param name="Quantity">Units.</param>
/// <param name="Method">How it reaches the customer.</param>
/// <param name="LocationCode">The store, for every method but ship.</param>
public sealed record NewOrderLine(string? Sku, int Quantity, FulfillmentMethod? Method, string? LocationCode);

/// <summary>Where a shipped order goes.</summary>
/// <param name="Line1">Street.</param>
/// <param name="Line2">More street.</param>
/// <param name="City">City.</param>
/// <param name="PostalCode">Postal code.</param>
/// <param name="Country">ISO 3166-1 alpha-2.</param>
/// <param name="Latitude">For sourcing to the nearest location.</param>
/// <param name="Longitude">For sourcing to the nearest location.</param>
public sealed record NewOrderAddress(string Line1, string? Line2, string City, string PostalCode, string Country, double? Latitude, double? Longitude);

/// <summary>An order another module places (an exchange, a cart's checkout).</summary>
/// <param name="Channel">Sales channel.</param>
/// <param name="Customer">Who it is for.</param>
/// <param name="ShippingAddress">Required when a line ships.</param>
/// <param name="Lines">Lines.</param>
public sealed record NewOrder(SalesChannel Channel, OrderCustomer? Customer, NewOrderAddress? ShippingAddress, IReadOnlyList<NewOrderLine> Lines);

/// <summary>An order that was accepted.</summary>
/// <param name="OrderId">Id.</param>
/// <param name="Number">Human-facing number.</param>
/// <param name="Total">What it costs.</param>
public sealed record PlacedOrder(Guid OrderId, string Number, Money Total);

/// <summary>Places orders for other modules through the same validation, pricing, sourcing and reservation as <c>POST /api/v1/orders</c>.</summary>
public interface IOrderPlacement
{
    /// <summary>
    /// Places <paramref name="order"/> inside the caller's open transaction (<c>DbSession</c>), all lines or none, so it
    /// commits or rolls back with what the caller writes. Sourced once on the database (the caller owns the retry).
    /// Refusals throw <c>DomainException</c>: 400 <c>validation_failed</c> with <c>errors</c> keyed like the body of
    /// <c>POST /api/v1/orders</c>, 409 <c>mixed_currency</c>, 409 <c>insufficient_stock</c> with <c>skus</c>; then the caller must roll back.
    /// </summary>
    Task<PlacedOrder> PlaceAsync(NewOrder order, string actor, CancellationToken ct);
}
