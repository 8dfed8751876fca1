using Microsoft.EntityFrameworkCore;
using Omni.Inventory.Data;

namespace Omni.Inventory.Features;

internal sealed record LocationStockOuts(string LocationCode, int Positions, int StockedOut);

internal sealed record StockOutReport(int Positions, int StockedOut, IReadOnlyList<LocationStockOuts> Locations);

/// <summary>
/// Positions with nothing left to promise (on hand minus reserved minus safety stock at or below zero), per location,
/// in one grouped query: the stock-out rate the console charts.
/// </summary>
internal static class GetStockOuts
{
    public static void Map(RouteGroupBuilder inventory) =>
        inventory.MapGet("/stockouts", Handle).WithName(nameof(GetStockOuts))
            .WithSummary("Counts stock positions and those with nothing available to promise, per location, most stock-outs first.");

    internal static async Task<IResult> Handle(InventoryDbContext db, CancellationToken ct)
    {
        var rows = await db.Positions.AsNoTracking()
            .GroupBy(p => p.LocationCode)
            .Select(g => new { Location = g.Key, Positions = g.Count(), StockedOut = g.Count(p => p.OnHand - p.Reserved - p.SafetyStock <= 0) })
            .ToListAsync(ct);
        var locations = rows.Select(r => new LocationStockOuts(r.Location, r.Positions, r.StockedOut))
            .OrderByDescending(l => l.StockedOut).ThenBy(l => l.LocationCode, StringComparer.Ordinal).ToList();
        return TypedResults.Ok(new StockOutReport(locations.Sum(l => l.Positions), locations.Sum(l => l.StockedOut), locations));
    }
}
