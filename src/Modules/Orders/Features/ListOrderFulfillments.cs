using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Errors;
using Omni.Contracts.Identity;
using Omni.Orders.Data;

namespace Omni.Orders.Features;

public sealed record FulfillmentList(IReadOnlyList<FulfillmentDetails> Items, string? Next);

/// <summary>How an order is being fulfilled: every fulfillment, re-sourced ones included, oldest first.</summary>
internal static class ListOrderFulfillments
{
    public static void Map(RouteGroupBuilder orders) =>
        orders.MapGet("/{id:guid}/fulfillments", Handle).WithName(nameof(ListOrderFulfillments));

    internal static async Task<IResult> Handle(Guid id, ClaimsPrincipal user, OrdersDbContext db, CancellationToken ct)
    {
        if (!await db.Orders.AnyAsync(o => o.Id == id, ct)) return Problems.NotFound("Order", id.ToString());
        var fulfillments = await db.Fulfillments.AsNoTracking().Where(f => f.OrderId == id).OrderBy(f => f.Id).ToListAsync(ct);
        return TypedResults.Ok(new FulfillmentList([.. fulfillments.Where(user.MayActFor).Select(f => f.ToDetails(user))], null));
    }
}
