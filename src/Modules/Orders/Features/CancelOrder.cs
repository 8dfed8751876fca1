using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;
using Omni.Common.Errors;
using Omni.Common.Validation;
using Omni.Contracts.Identity;
using Omni.Contracts.Inventory;
using Omni.Contracts.Orders;
using Omni.Contracts.Pricing;
using Omni.Orders.Data;

namespace Omni.Orders.Features;

public sealed record CancelOrderRequest(string? Reason);

internal static class CancelOrder
{
    public static void Map(RouteGroupBuilder orders) =>
        orders.MapPost("/{id:guid}/cancel", Handle).WithName(nameof(CancelOrder)).RequireAuthorization(Scopes.Policy(Scopes.Orders));

    internal static async Task<IResult> Handle(Guid id, CancelOrderRequest? request, ClaimsPrincipal user, OrdersDbContext db,
        DbSession session, IStockReservations reservations, IPricing pricing, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Validator();
        errors.Optional("reason", request?.Reason, 500);
        if (!errors.IsValid) return errors.ToProblem();

        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            return await session.InTransactionAsync<IResult>(async () =>
            {
                var order = await db.Orders.FirstOrDefaultAsync(o => o.Id == id, ct);
                if (order is null) return Problems.NotFound("Order", id.ToString());
                order.Cancel(request?.Reason, now);
                db.Publish(new OrderCancelled(order.Id, order.Number, request?.Reason), now);
                // The order row is written first: its version check makes a concurrent second cancel fail before it releases anything.
                await db.SaveChangesAsync(ct);
                foreach (var fulfillment in await db.Fulfillments.Where(f => f.OrderId == order.Id).ToListAsync(ct))
                {
                    if (fulfillment.IsClosed) continue;
                    fulfillment.Cancel(now);
                    db.Publish(new FulfillmentCancelled(fulfillment.Id, order.Id, order.Number, fulfillment.LocationCode, "order cancelled"), now);
                }
                await db.SaveChangesAsync(ct);
                // Coupons before stock, the order placement takes them in: the same lock order everywhere means no deadlock.
                await pricing.ReleaseCouponsAsync(order.Id, now, ct);
                await reservations.ReleaseAsync(order.Id, "order cancelled", user.Actor(), now, ct);
                return TypedResults.Ok(order.ToDetails());
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("order_not_cancellable", "The order changed while it was being cancelled; it is no longer cancellable.");
        }
    }
}
