using System.Security.Claims;
using Omni.Common.Validation;
using Omni.Contracts.Identity;
using Omni.Contracts.Inventory;
using Omni.Contracts.Orders;
using Omni.Orders.Data;

namespace Omni.Orders.Features;

public sealed record HandOverRequest(string? PickupCode);

/// <summary>
/// The customer has the goods: a pickup needs its code (carry-out has none — the customer is at the till). The stock is
/// consumed at the store and the payment captured.
/// </summary>
internal static class HandOverFulfillment
{
    public static void Map(RouteGroupBuilder fulfillments) =>
        fulfillments.MapPost("/{id:guid}/handover", Handle).WithName(nameof(HandOverFulfillment)).RequireAuthorization(Scopes.Policy(Scopes.Orders));

    internal static async Task<IResult> Handle(Guid id, HandOverRequest? request, ClaimsPrincipal user, OrdersDbContext db,
        FulfillmentWork work, IStockReservations stock, CancellationToken ct, HttpRequest? http = null)
    {
        var errors = new Validator();
        errors.Optional("pickupCode", request?.PickupCode, 12);
        if (!errors.IsValid) return errors.ToProblem();

        return await work.RunAsync(new FulfillmentAction(id, nameof(HandOverFulfillment), http, request), user,
            (f, now) => { f.HandOver(request?.PickupCode, now); return Task.CompletedTask; },
            async (f, _, now) =>
            {
                await stock.ConsumeAsync(f.Claims(f.StockLocationCode), "sale", f.OrderNumber, user.Actor(), now, ct);
                db.Publish(new FulfillmentHandedOver(f.Id, f.OrderId, f.OrderNumber, f.HandoverLocationCode!, f.Amount.ToDto(), f.EventLines()), now);
            }, ct);
    }
}
