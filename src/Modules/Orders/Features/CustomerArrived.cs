using System.Security.Claims;
using Omni.Contracts.Identity;
using Omni.Contracts.Orders;
using Omni.Orders.Data;

namespace Omni.Orders.Features;

/// <summary>A curbside customer pulled up outside: the store brings the order out.</summary>
internal static class CustomerArrived
{
    public static void Map(RouteGroupBuilder fulfillments) =>
        fulfillments.MapPost("/{id:guid}/arrived", Handle).WithName(nameof(CustomerArrived)).RequireAuthorization(Scopes.Policy(Scopes.Orders));

    internal static Task<IResult> Handle(Guid id, ClaimsPrincipal user, OrdersDbContext db, FulfillmentWork work, CancellationToken ct, HttpRequest? http = null) =>
        work.RunAsync(new FulfillmentAction(id, nameof(CustomerArrived), http), user,
            (f, now) => { f.CustomerArrived(now); return Task.CompletedTask; },
            (f, _, now) =>
            {
                db.Publish(new FulfillmentCustomerArrived(f.Id, f.OrderId, f.OrderNumber, f.HandoverLocationCode!), now);
                return Task.CompletedTask;
            }, ct);
}
