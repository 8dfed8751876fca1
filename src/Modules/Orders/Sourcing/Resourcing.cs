using Omni.Common;
using Omni.Contracts.Inventory;
using Omni.Contracts.Locations;
using Omni.Contracts.Orders;
using Omni.Orders.Data;
using Omni.Orders.Domain;
using Omni.Orders.Features;

namespace Omni.Orders.Sourcing;

/// <summary>
/// Units a location could not serve after all (a short pick, stock oversold by a till sale or a count): their reservation
/// there is released, and they are sourced again elsewhere as new fulfillments; what nothing can serve is cancelled and
/// <see cref="OrderLinesCancelled"/> tells Payments to void it. Runs inside the caller's transaction with the order locked.
/// </summary>
internal sealed class Resourcing(OrdersDbContext db, IStockLevels stock, IStockReservations reservations, ILocationDirectory directory,
    SourcingSignals signals)
{
    public async Task ResourceAsync(Order order, Fulfillment from, IReadOnlyList<(OrderLine Line, int Units)> missing, string reason,
        string actor, DateTime at, CancellationToken ct)
    {
        missing = [.. missing.Where(m => m.Units > 0)];
        if (missing.Count == 0) return;
        await reservations.ReleaseUnitsAsync(
            [.. missing.Select(m => new StockClaim(order.Id, m.Line.Id, from.StockLocationCode, m.Line.Sku, m.Units))], reason, actor, at, ct);
        foreach (var (line, units) in missing) line.Deallocate(from.LocationCode, units);

        var levels = await stock.ForSkusAsync([.. missing.Select(m => m.Line.Sku).Distinct()], ct);
        var input = await signals.InputAsync(order.Channel, Destination(order.ShippingAddress), await directory.AllAsync(ct), ct);
        var sourced = Plan(order, missing, input with { Stock = levels }, from.LocationCode);
        db.ResourcingDecisions.Add(SourcingData.Decision(order.Id, from.Id, reason, sourced.Explanation, at));
        var plan = sourced.Plan.Allocations;

        var served = new List<(OrderLine, string, int)>();
        var cancelled = new List<(OrderLine Line, int Units)>();
        for (var i = 0; i < missing.Count; i++)
        {
            var (line, units) = missing[i];
            var left = units;
            foreach (var allocation in plan.Where(a => a.LineIndex == i))
            {
                // The plan read stock a moment ago; a refused claim changes nothing, and those units are cancelled below.
                if (!await reservations.TryReserveAsync(new StockClaim(order.Id, line.Id, allocation.LocationCode, line.Sku, allocation.Quantity), actor, at, ct))
                    continue;
                line.Allocate(allocation.LocationCode, allocation.Quantity);
                served.Add((line, allocation.LocationCode, allocation.Quantity));
                left -= allocation.Quantity;
            }
            if (left == 0) continue;
            line.CancelUnits(left);
            cancelled.Add((line, left));
        }

        foreach (var fulfillment in Fulfillment.Group(order, served, at, from.Id))
        {
            db.Fulfillments.Add(fulfillment);
            db.Publish(new FulfillmentResourced(fulfillment.Id, order.Id, order.Number, fulfillment.LocationCode, Wire.Of(fulfillment.Method),
                from.Id, fulfillment.EventLines()), at);
        }
        if (cancelled.Count > 0)
        {
            var lines = cancelled.Select(c => new FulfillmentLine(c.Line.Sku, c.Units, new Money(Value(order, c.Line, c.Units), order.Currency).ToDto())).ToList();
            var amount = new Money(cancelled.Sum(c => Value(order, c.Line, c.Units)), order.Currency);
            db.Publish(new OrderLinesCancelled(order.Id, order.Number, amount.ToDto(), lines, reason), at);
        }
    }

    /// <summary>The share of what the customer pays for the line that <paramref name="units"/> of it are worth.</summary>
    private static long Value(Order order, OrderLine line, int units) => line.TotalMinor(order.TaxIncluded) * units / line.Quantity;

    /// <summary>
    /// Where the missing units can come from instead: the sourcing optimizer under the live rule set (store buffer, capacity,
    /// channel and method rules), with the location that failed left out. A pickup or curbside line can only be served by
    /// its own store, so when that store failed those units find no other. Locations that already serve this order count
    /// it in their capacity already: sending more of it from there takes no more.
    /// </summary>
    internal static SourcingResult Plan(Order order, IReadOnlyList<(OrderLine Line, int Units)> missing, SourcingInput input, string failedLocation)
    {
        var serving = order.Lines.SelectMany(l => l.Allocations).Select(a => a.LocationCode).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var ordersToday = input.OrdersToday.ToDictionary(
            o => o.Key, o => serving.Contains(o.Key) ? Math.Max(0, o.Value - 1) : o.Value, StringComparer.OrdinalIgnoreCase);
        var lines = missing.Select((m, i) => new SourcingLine(i, m.Line.Sku, m.Units, m.Line.Method, m.Line.LocationCode)).ToList();
        input = input with { OrdersToday = ordersToday, Excluded = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { failedLocation } };
        var sourced = SourcingOptimizer.Plan(lines, input);
        if (!sourced.Plan.Complete) sourced = AsMuchAsCanBe(lines, input, sourced);
        // The explanation numbers lines by their place in the order, not in the list of missing units.
        var explanation = sourced.Explanation with
        {
            Lines = [.. sourced.Explanation.Lines.Select(l => l with { Line = missing[l.Line - 1].Line.LineNumber })],
        };
        return sourced with { Explanation = explanation };
    }

    /// <summary>
    /// Not every missing unit can be found: as many as can, line by line — the most units of each line that still make a
    /// complete plan with the lines before it (fewer units never need more, so a binary search finds it). The rest are cancelled.
    /// </summary>
    private static SourcingResult AsMuchAsCanBe(List<SourcingLine> lines, SourcingInput input, SourcingResult whole)
    {
        var served = new List<SourcingLine>();
        SourcingResult? best = null;
        foreach (var line in lines)
        {
            var (low, high) = (0, line.Quantity);
            while (low < high)
            {
                var units = (low + high + 1) / 2;
                var tried = SourcingOptimizer.Plan([.. served, line with { Quantity = units }], input);
                if (tried.Plan.Complete) (low, best) = (units, tried);
                else high = units - 1;
            }
            if (low > 0) served.Add(line with { Quantity = low });
        }
        var plan = new SourcingPlan(best?.Plan.Allocations ?? [], whole.Plan.ShortSkus);
        var explanation = SourcingOptimizer.Explain(new SourcingModel(lines, input), plan, SourcingOptimizer.Strategy,
            best?.Explanation.Exact ?? whole.Explanation.Exact, whole.Explanation.Nodes + (best?.Explanation.Nodes ?? 0));
        return new SourcingResult(plan, explanation);
    }

    private static (double Lat, double Lon)? Destination(Address? address) =>
        address is { Latitude: { } lat, Longitude: { } lon } ? (lat, lon) : null;
}
