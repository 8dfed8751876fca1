using System.Security.Claims;
using Omni.Common.Validation;
using Omni.Contracts.Identity;
using Omni.Contracts.Inventory;
using Omni.Contracts.Orders;
using Omni.Orders.Data;

namespace Omni.Orders.Features;

public sealed record ShipFulfillmentRequest(string? Carrier, string? TrackingNumber);

/// <summary>
/// The parcel left with a carrier: its stock leaves the origin's books (on hand and reserved fall, a ledger movement).
/// Shipped to the customer, the payment is captured now; shipped to a store, it is captured at handover.
/// </summary>
internal static class ShipFulfillment
{
    public static void Map(RouteGroupBuilder fulfillments) =>
        fulfillments.MapPost("/{id:guid}/ship", Handle).WithName(nameof(ShipFulfillment)).RequireAuthorization(Scopes.Policy(Scopes.Orders));

    internal static async Task<IResult> Handle(Guid id, ShipFulfillmentRequest? request, ClaimsPrincipal user, OrdersDbContext db,
        FulfillmentWork work, IStockReservations stock, CancellationToken ct, HttpRequest? http = null)
    {
        var errors = new Validator();
        errors.Optional("carrier", request?.Carrier, 100);
        errors.Optional("trackingNumber", request?.TrackingNumber, 100);
        if (!errors.IsValid) return errors.ToProblem();

        return await work.RunAsync(new FulfillmentAction(id, nameof(ShipFulfillment), http, request), user,
            (f, now) => { f.Ship(request?.Carrier?.Trim(), request?.TrackingNumber?.Trim(), now); return Task.CompletedTask; },
            async (f, _, now) =>
            {
                if (f.Method == FulfillmentMethod.ShipToStore)
                {
                    await stock.ConsumeAsync(f.Claims(f.LocationCode), "transfer_out", f.OrderNumber, user.Actor(), now, ct);
                    db.Publish(new FulfillmentInTransit(f.Id, f.OrderId, f.OrderNumber, f.LocationCode, f.HandoverLocationCode!, f.Carrier, f.TrackingNumber), now);
                    return;
                }
                await stock.ConsumeAsync(f.Claims(f.LocationCode), "shipment", f.OrderNumber, user.Actor(), now, ct);
                db.Publish(new FulfillmentShipped(f.Id, f.OrderId, f.OrderNumber, f.LocationCode, f.Amount.ToDto(), f.EventLines(), f.Carrier, f.TrackingNumber), now);
            }, ct);
    }
}
