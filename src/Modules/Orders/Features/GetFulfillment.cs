using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Errors;
using Omni.Contracts.Identity;
using Omni.Orders.Data;

namespace Omni.Orders.Features;

internal static class GetFulfillment
{
    public static void Map(RouteGroupBuilder fulfillments) =>
        fulfillments.MapGet("/{id:guid}", Handle).WithName(nameof(GetFulfillment));

    internal static async Task<IResult> Handle(Guid id, ClaimsPrincipal user, OrdersDbContext db, CancellationToken ct)
    {
        var fulfillment = await db.Fulfillments.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (fulfillment is null) return Problems.NotFound("Fulfillment", id.ToString());
        return user.MayActFor(fulfillment) ? TypedResults.Ok(fulfillment.ToDetails(user)) : Problems.ForStoreOnly(user.BoundStore());
    }
}
