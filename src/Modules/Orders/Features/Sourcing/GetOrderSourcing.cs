using Microsoft.EntityFrameworkCore;
using Omni.Common.Errors;
using Omni.Orders.Data;
using Omni.Orders.Sourcing;

namespace Omni.Orders.Features.Sourcing;

/// <summary>Units sourced again after <paramref name="FulfillmentId"/> came up short (<paramref name="Reason"/>: short pick, stock oversold).</summary>
internal sealed record ResourcingDetails(Guid FulfillmentId, string Reason, DateTime DecidedAt, SourcingExplanation Explanation);

/// <summary>The decision at placement, then every re-sourcing since, oldest first.</summary>
internal sealed record OrderSourcingDetails(Guid OrderId, DateTime DecidedAt, SourcingExplanation Explanation, IReadOnlyList<ResourcingDetails> Resourcing);

internal static class GetOrderSourcing
{
    public static void Map(RouteGroupBuilder orders) =>
        orders.MapGet("/{id:guid}/sourcing", Handle).WithName(nameof(GetOrderSourcing))
            .WithSummary("Why the order's lines were sourced where they were: the rule set, every candidate location and its costs; then each re-sourcing after a short pick or an oversell.");

    internal static async Task<IResult> Handle(Guid id, OrdersDbContext db, CancellationToken ct)
    {
        var decision = await db.SourcingDecisions.AsNoTracking().FirstOrDefaultAsync(d => d.OrderId == id, ct);
        if (decision is not null)
        {
            var resourcing = await db.ResourcingDecisions.AsNoTracking().Where(d => d.OrderId == id).OrderBy(d => d.Id).ToListAsync(ct);
            return TypedResults.Ok(new OrderSourcingDetails(id, decision.DecidedAt, SourcingData.Explanation(decision),
                [.. resourcing.Select(r => new ResourcingDetails(r.FulfillmentId, r.Reason, r.DecidedAt, SourcingData.Explanation(r)))]));
        }
        return await db.Orders.AnyAsync(o => o.Id == id, ct)
            ? Problems.Problem(StatusCodes.Status404NotFound, "not_sourced", $"Order '{id}' was not sourced: it was sold at a till.")
            : Problems.NotFound("Order", id.ToString());
    }
}
