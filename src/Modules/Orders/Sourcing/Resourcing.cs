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
internal sealed class Resourcing(OrdersDbContext db, IStockLevels stock, IStockReservations reservations, ILocationDirectory directory)
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
        var elsewhere = levels.Where(l => l.LocationCode != from.LocationCode).ToList();
        var plan = Plan(missing, elsewhere, await directory.AllAsync(ct), order.ShippingAddress);

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
    /// Where the missing units can come from instead. The one seam the sourcing optimizer replaces: today the nearest
    /// location that has them (a pickup or curbside line can only be served by its own store, which is excluded).
    /// </summary>
    internal static IReadOnlyList<SourcedAllocation> Plan(IReadOnlyList<(OrderLine Line, int Units)> missing, IReadOnlyList<StockLevel> elsewhere,
        IReadOnlyDictionary<string, LocationSnapshot> locations, Address? shippingAddress)
    {
        var destination = shippingAddress is { Latitude: { } lat, Longitude: { } lon } ? (lat, lon) : ((double, double)?)null;
        var lines = missing.Select((m, i) => new SourcingLine(i, m.Line.Sku, m.Units, m.Line.Method, m.Line.LocationCode)).ToList();
        return NearestSourcing.Plan(lines, elsewhere, locations, destination).Allocations;
    }
}
