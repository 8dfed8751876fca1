using Microsoft.EntityFrameworkCore;
using Omni.Common.Errors;
using Omni.Orders.Data;
using Omni.Orders.Sourcing;

namespace Omni.Orders.Features.Sourcing;

internal sealed record OrderSourcingDetails(Guid OrderId, DateTime DecidedAt, SourcingExplanation Explanation);

internal static class GetOrderSourcing
{
    public static void Map(RouteGroupBuilder orders) =>
        orders.MapGet("/{id:guid}/sourcing", Handle).WithName(nameof(GetOrderSourcing))
            .WithSummary("Why the order's lines were sourced where they were: the rule set, every candidate location and its costs.");

    internal static async Task<IResult> Handle(Guid id, OrdersDbContext db, CancellationToken ct)
    {
        var decision = await db.SourcingDecisions.AsNoTracking().FirstOrDefaultAsync(d => d.OrderId == id, ct);
        if (decision is not null) return TypedResults.Ok(new OrderSourcingDetails(id, decision.DecidedAt, SourcingData.Explanation(decision)));
        return await db.Orders.AnyAsync(o => o.Id == id, ct)
            ? Problems.Problem(StatusCodes.Status404NotFound, "not_sourced", $"Order '{id}' was not sourced: it was sold at a till.")
            : Problems.NotFound("Order", id.ToString());
    }
}
