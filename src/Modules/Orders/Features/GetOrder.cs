using Microsoft.EntityFrameworkCore;
using Omni.Common.Errors;
using Omni.Orders.Data;

namespace Omni.Orders.Features;

internal static class GetOrder
{
    public static void Map(RouteGroupBuilder orders) =>
        orders.MapGet("/{id:guid}", Handle).WithName(nameof(GetOrder));

    internal static async Task<IResult> Handle(Guid id, OrdersDbContext db, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(o => o.Id == id, ct);
        return order is null ? Problems.NotFound("Order", id.ToString()) : TypedResults.Ok(order.ToDetails());
    }
}
