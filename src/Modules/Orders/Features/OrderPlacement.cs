using Omni.Contracts.Catalog;
using Omni.Contracts.Inventory;
using Omni.Contracts.Locations;
using Omni.Contracts.Orders;
using Omni.Orders.Data;

namespace Omni.Orders.Features;

/// <summary>
/// Orders placed by other modules (an exchange at the returns counter) go through PlaceOrder's own steps: the same
/// validation, catalog prices, sourcing and all-or-nothing reservation, inside the caller's transaction.
/// </summary>
internal sealed class OrderPlacement(OrdersDbContext db, ICatalogLookup catalog, ILocationDirectory directory,
    IStockLevels stock, IStockReservations reservations, TimeProvider clock) : IOrderPlacement
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
        var plan = PlaceOrder.Plan(request, variants, await stock.ForSkusAsync(skus, ct), locations);
        if (!plan.Complete) throw PlaceOrder.InsufficientStock(plan.ShortSkus);
        var now = clock.GetUtcNow().UtcDateTime;
        var placed = PlaceOrder.Build(request, variants, plan, currency, actor, now);
        var failed = await PlaceOrder.ReserveAndAddAsync(placed, db, reservations, actor, now, ct);
        if (failed.Count > 0) throw PlaceOrder.InsufficientStock(failed);
        await db.SaveChangesAsync(ct);
        return new PlacedOrder(placed.Id, placed.Number, placed.Total);
    }
}
