using System.Security.Claims;
using Omni.Contracts.Identity;
using Omni.Contracts.Orders;
using Omni.Orders.Data;

namespace Omni.Orders.Features;

internal static class PackFulfillment
{
    public static void Map(RouteGroupBuilder fulfillments) =>
        fulfillments.MapPost("/{id:guid}/pack", Handle).WithName(nameof(PackFulfillment)).RequireAuthorization(Scopes.Policy(Scopes.Orders));

    internal static Task<IResult> Handle(Guid id, ClaimsPrincipal user, OrdersDbContext db, FulfillmentWork work, CancellationToken ct, HttpRequest? http = null) =>
        work.RunAsync(new FulfillmentAction(id, nameof(PackFulfillment), http), user,
            (f, now) => { f.Pack(now); return Task.CompletedTask; },
            (f, _, now) =>
            {
                db.Publish(new FulfillmentPacked(f.Id, f.OrderId, f.OrderNumber, f.LocationCode), now);
                return Task.CompletedTask;
            }, ct);
}
