using System.Security.Claims;
using Omni.Contracts.Identity;
using Omni.Contracts.Inventory;
using Omni.Contracts.Orders;
using Omni.Orders.Data;

namespace Omni.Orders.Features;

/// <summary>
/// The carrier delivered: to the customer (the fulfillment is done), or a ship-to-store parcel to its store, where its
/// units come back on the books already reserved for the order (receipt and reservation in one statement: never on sale).
/// </summary>
internal static class DeliverFulfillment
{
    public static void Map(RouteGroupBuilder fulfillments) =>
        fulfillments.MapPost("/{id:guid}/deliver", Handle).WithName(nameof(DeliverFulfillment)).RequireAuthorization(Scopes.Policy(Scopes.Orders));

    internal static Task<IResult> Handle(Guid id, ClaimsPrincipal user, OrdersDbContext db, FulfillmentWork work, IStockReservations stock, CancellationToken ct, HttpRequest? http = null) =>
        work.RunAsync(new FulfillmentAction(id, nameof(DeliverFulfillment), http), user,
            (f, now) => { f.Deliver(now); return Task.CompletedTask; },
            async (f, _, now) =>
            {
                if (f.Method != FulfillmentMethod.ShipToStore)
                {
                    db.Publish(new FulfillmentDelivered(f.Id, f.OrderId, f.OrderNumber, f.LocationCode), now);
                    return;
                }
                await stock.ReceiveReservedAsync(f.Claims(f.HandoverLocationCode!), "transfer_in", f.OrderNumber, user.Actor(), now, ct);
                db.Publish(new FulfillmentReceivedAtStore(f.Id, f.OrderId, f.OrderNumber, f.HandoverLocationCode!), now);
            }, ct);
}
