using Omni.Common.Errors;
using Omni.Contracts.Catalog;
using Omni.Contracts.Inventory;
using Omni.Contracts.Locations;
using Omni.Contracts.Orders;
using Omni.Contracts.Payments;
using Omni.Contracts.Pricing;
using Omni.Orders.Data;
using Omni.Orders.Sourcing;

namespace Omni.Orders.Features;

/// <summary>
/// Orders placed by other modules (an exchange at the returns counter) go through PlaceOrder's own steps: the same
/// validation, catalog snapshot, sourcing optimizer and <see cref="Admission"/> (reservation, pricing, payment,
/// fulfillments), inside the caller's transaction.
/// </summary>
internal sealed class OrderPlacement(OrdersDbContext db, ICatalogLookup catalog, ILocationDirectory directory,
    IStockLevels stock, IStockReservations reservations, SourcingSignals signals, IPricing pricing, IPayments payments,
    TimeProvider clock) : IOrderPlacement
{
    public async Task<PlacedOrder> PlaceAsync(NewOrder order, string actor, CancellationToken ct)
    {
        var request = new PlaceOrderRequest(order.Channel,
            order.Customer is { } c ? new CustomerInput(c.Email, c.Name, c.Phone) : null,
            order.ShippingAddress is { } a ? new AddressInput(a.Line1, a.Line2, a.City, a.PostalCode, a.Country, a.Latitude, a.Longitude) : null,
            order.Lines.Select(l => new OrderLineInput(l.Sku!, l.Quantity, new FulfillmentInput(l.Method, l.LocationCode))).ToList());
        var locations = await directory.AllAsync(ct);
        var errors = PlaceOrder.Validate(request, locations);
        if (!errors.IsValid) throw errors.ToException();
        var (skus, variants) = await PlaceOrder.SnapshotAsync(request.Lines!, catalog, errors, ct);
        if (!errors.IsValid) throw errors.ToException();
        var currency = PlaceOrder.CurrencyOf(variants);

        // Inside the caller's write transaction the database read is the truth (SQLite) or close to it (PostgreSQL, where
        // the conditional reservation still has the last word).
        var input = await signals.InputAsync(order.Channel, PlaceOrder.Destination(request), locations, ct);
        var sourced = SourcingOptimizer.Plan(PlaceOrder.SourcingLines(request, variants), input with { Stock = await stock.ForSkusAsync(skus, ct) });
        if (!sourced.Plan.Complete) throw PlaceOrder.InsufficientStock(sourced.Plan.ShortSkus);
        var now = clock.GetUtcNow().UtcDateTime;
        var placed = PlaceOrder.Build(request, variants, sourced.Plan, currency, actor, now);
        var admitted = await new Admission(db, reservations, pricing, payments, locations).AdmitAsync(placed, request, variants, sourced, actor, now, ct);
        if (admitted.ShortSkus.Count > 0) throw PlaceOrder.InsufficientStock(admitted.ShortSkus);
        if (admitted.Refusal is not null) throw new DomainException("order_refused", "The new order was refused by pricing or payment.");
        await db.SaveChangesAsync(ct);
        return new PlacedOrder(placed.Id, placed.Number, placed.Total);
    }
}
