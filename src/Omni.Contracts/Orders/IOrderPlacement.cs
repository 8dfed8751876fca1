using Microsoft.AspNetCore.Mvc;
using Omni.Common;

namespace Omni.Contracts.Orders;

/// <summary>An order to place, as <c>POST /api/v1/orders</c> receives it.</summary>
/// <param name="Channel">Where the sale starts; required.</param>
/// <param name="Customer">Who buys, if known.</param>
/// <param name="ShippingAddress">Where ship lines go; required when a line ships.</param>
/// <param name="Lines">One to 100 lines.</param>
/// <param name="Payment">How the order is paid; authorized for the priced total when the order is placed.</param>
/// <param name="Coupons">Coupon codes as the customer typed them.</param>
/// <param name="CustomerId">
/// The customer profile the order is for, when the caller knows it (a signed-in shopper, a cart assigned to a customer);
/// it must exist. Without it, the order belongs to the profile <paramref name="Customer"/>'s e-mail or phone resolves to.
/// </param>
/// <param name="LoyaltyPoints">
/// Points of the customer's balance to take as a discount, redeemed in the order's transaction (given back if it is cancelled).
/// </param>
public sealed record PlaceOrderRequest(SalesChannel? Channel, CustomerInput? Customer, AddressInput? ShippingAddress, List<OrderLineInput>? Lines,
    PaymentInput? Payment = null, List<string>? Coupons = null, Guid? CustomerId = null, long? LoyaltyPoints = null);

/// <summary>A line of an order to place.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Quantity">Units, 1 to 10,000.</param>
/// <param name="Fulfillment">How the line reaches the customer.</param>
public sealed record OrderLineInput(string Sku, int Quantity, FulfillmentInput? Fulfillment);

/// <summary>The buyer's contact details.</summary>
/// <param name="Email">E-mail address.</param>
/// <param name="Name">Name.</param>
/// <param name="Phone">Phone number.</param>
public sealed record CustomerInput(string? Email, string? Name, string? Phone);

/// <summary>A postal address, optionally with coordinates (used to source from the nearest location).</summary>
/// <param name="Line1">Street and number.</param>
/// <param name="Line2">More of the address.</param>
/// <param name="City">City.</param>
/// <param name="PostalCode">Postal code.</param>
/// <param name="Country">ISO 3166-1 alpha-2 country.</param>
/// <param name="Latitude">WGS84 latitude.</param>
/// <param name="Longitude">WGS84 longitude.</param>
public sealed record AddressInput(string Line1, string? Line2, string City, string PostalCode, string Country, double? Latitude, double? Longitude);

/// <summary>How a line reaches the customer.</summary>
/// <param name="Method">Ship, pickup, curbside, ship-to-store or carry-out.</param>
/// <param name="LocationCode">The store for every method but ship.</param>
public sealed record FulfillmentInput(FulfillmentMethod? Method, string? LocationCode);

/// <summary>How the order is paid: a provider token for a card or wallet, a store credit id, or at a till the tender taken.</summary>
/// <param name="Type">The tender type.</param>
/// <param name="Token">The provider token or store credit id.</param>
public sealed record PaymentInput(string? Type, string? Token)
{
    /// <summary>The tender to authorize; only after validation (the type is required).</summary>
    public Payments.PaymentTender ToTender() => new(Type!, Token);
}

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

/// <summary>An order that was placed (or had been placed before under the same idempotency key).</summary>
/// <param name="Id">The order id.</param>
/// <param name="Number">The human-facing order number.</param>
/// <param name="Total">The order total.</param>
/// <param name="Replayed">True when the idempotency key named an order placed earlier: nothing new was written.</param>
public sealed record PlacedOrder(Guid Id, string Number, Money Total, bool Replayed);

/// <summary>How to place an order on behalf of a caller.</summary>
/// <param name="Actor">Who places it (audit trail, ledger).</param>
/// <param name="IdempotencyKey">
/// The client's Idempotency-Key, already scoped so that two callers or two endpoints never share one (for example
/// <c>{caller}|{endpoint}|{key}</c>); null when the client sent none.
/// </param>
/// <param name="HoldId">
/// A stock hold (see <see cref="Inventory.IStockReservations.HoldAsync"/>) to turn into the order's reservations: its
/// units count as available to this order, and it is released in the same transaction that reserves the order, so no
/// other buyer can take them in between.
/// </param>
/// <param name="BeforeCommit">
/// Runs inside the placement's transaction after the order is written and before it commits: the caller's own writes
/// (through its module's DbContext on the request's session) commit or roll back with the order. Throwing rolls
/// everything back. Not called for a replayed order.
/// </param>
public sealed record OrderPlacementOptions(
    string Actor, string? IdempotencyKey = null, Guid? HoldId = null, Func<PlacedOrder, CancellationToken, Task>? BeforeCommit = null);

/// <summary>The outcome of placing an order: the order, or the problem the order endpoint would answer.</summary>
/// <param name="Order">The placed order; null when refused.</param>
/// <param name="Problem">
/// Why it was refused, as RFC 9457 problem details with a stable <c>code</c> (400 <c>validation_failed</c> with
/// per-field <c>errors</c>, 409 <c>insufficient_stock</c> with <c>skus</c>, 409 <c>mixed_currency</c>, 409 coupon
/// refusals from pricing, 402 <c>payment_declined</c> with <c>declineCode</c>, 422 <c>idempotency_key_reused</c>);
/// null when placed.
/// </param>
public sealed record OrderPlacementResult(PlacedOrder? Order, ProblemDetails? Problem);

/// <summary>
/// Places orders: the one code path behind <c>POST /api/v1/orders</c> and every other way an order is placed (a cart's
/// checkout). Validates, snapshots catalog prices, sources every line and reserves all of it or nothing.
/// </summary>
public interface IOrderPlacement
{
    /// <summary>Places <paramref name="request"/>; runs its own transaction on the request's database session.</summary>
    Task<OrderPlacementResult> PlaceAsync(PlaceOrderRequest request, OrderPlacementOptions options, CancellationToken ct);

    /// <summary>
    /// Places <paramref name="order"/> inside the caller's open transaction (<c>DbSession</c>), all lines or none, so it
    /// commits or rolls back with what the caller writes (an exchange at the returns counter). Sourced once on the
    /// database (the caller owns the retry). Refusals throw <c>DomainException</c>: 400 <c>validation_failed</c> with
    /// <c>errors</c> keyed like the body of <c>POST /api/v1/orders</c>, 409 <c>mixed_currency</c>, 409
    /// <c>insufficient_stock</c> with <c>skus</c>, and pricing's or payment's refusal; then the caller must roll back.
    /// </summary>
    Task<PlacedOrder> PlaceWithinAsync(NewOrder order, string actor, CancellationToken ct);
}
