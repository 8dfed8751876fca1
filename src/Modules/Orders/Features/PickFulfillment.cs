using System.Security.Claims;
using Omni.Common.Validation;
using Omni.Contracts.Identity;
using Omni.Contracts.Inventory;
using Omni.Contracts.Orders;
using Omni.Orders.Data;
using Omni.Orders.Domain;
using Omni.Orders.Sourcing;

namespace Omni.Orders.Features;

public sealed record PickedLine(Guid? OrderLineId, int? Quantity);

/// <summary>Lines left out were picked in full; a quantity below the line's is a short pick.</summary>
public sealed record PickFulfillmentRequest(List<PickedLine>? Lines);

/// <summary>
/// The store picked the fulfillment. Units it did not find are evidently not there: the store's stock is corrected (a
/// count movement), and they are sourced again elsewhere or cancelled.
/// </summary>
internal static class PickFulfillment
{
    public static void Map(RouteGroupBuilder fulfillments) =>
        fulfillments.MapPost("/{id:guid}/pick", Handle).WithName(nameof(PickFulfillment)).RequireAuthorization(Scopes.Policy(Scopes.Orders));

    internal static async Task<IResult> Handle(Guid id, PickFulfillmentRequest? request, ClaimsPrincipal user, OrdersDbContext db, FulfillmentWork work,
        Resourcing resourcing, IStockFacts facts, CancellationToken ct, HttpRequest? http = null)
    {
        var errors = new Validator();
        var picked = new Dictionary<Guid, int>();
        var lines = request?.Lines ?? [];
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] is not { } line) { errors.Add($"lines[{i}]", "is required."); continue; }
            if (errors.Required($"lines[{i}].orderLineId", line.OrderLineId) && !picked.TryAdd(line.OrderLineId!.Value, line.Quantity ?? 0))
                errors.Add($"lines[{i}].orderLineId", "appears more than once.");
            if (errors.Required($"lines[{i}].quantity", line.Quantity)) errors.Range($"lines[{i}].quantity", line.Quantity!.Value, 0, OrderInput.MaxQuantity);
        }
        if (!errors.IsValid) return errors.ToProblem();

        IReadOnlyList<(FulfillmentItem Line, int Missing)> shortages = [];
        return await work.RunAsync(new FulfillmentAction(id, nameof(PickFulfillment), http, request), user,
            (f, now) =>
            {
                shortages = f.Pick(picked, now);
                return Task.CompletedTask;
            },
            async (f, order, now) =>
            {
                var actor = user.Actor();
                if (shortages.Count > 0)
                {
                    var missing = shortages.Select(s => (order.Lines.First(l => l.Id == s.Line.OrderLineId), s.Missing)).ToList();
                    await resourcing.ResourceAsync(order, f, missing, "short pick", actor, now, ct);
                    await facts.RecordAsync([.. shortages.Select(s => new StockFact(f.LocationCode, s.Line.Sku, -s.Missing, "count", f.OrderNumber))], actor, now, ct);
                }
                var shortLines = shortages.Select(s => new FulfillmentLine(s.Line.Sku, s.Missing,
                    new Omni.Common.Money(s.Line.AmountMinor(s.Missing), f.Currency).ToDto())).ToList();
                db.Publish(new FulfillmentPicked(f.Id, f.OrderId, f.OrderNumber, f.LocationCode, f.EventLines(), shortLines), now);
                if (f.Status == FulfillmentStatus.Cancelled)
                    db.Publish(new FulfillmentCancelled(f.Id, f.OrderId, f.OrderNumber, f.LocationCode, "nothing could be picked"), now);
            }, ct);
    }
}
