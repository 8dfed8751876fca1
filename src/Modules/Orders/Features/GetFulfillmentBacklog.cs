using Microsoft.EntityFrameworkCore;
using Omni.Orders.Data;
using Omni.Orders.Domain;

namespace Omni.Orders.Features;

internal sealed record BacklogCount(string LocationCode, string Status, int Fulfillments);

internal sealed record FulfillmentBacklog(int Fulfillments, IReadOnlyList<BacklogCount> Counts);

/// <summary>
/// Fulfillments still waiting for a location, per location and status, in one grouped query: the location that acts next —
/// the origin until the goods leave, then the store that hands them over.
/// </summary>
internal static class GetFulfillmentBacklog
{
    private static readonly FulfillmentStatus[] AtHandover =
        [FulfillmentStatus.InTransit, FulfillmentStatus.ReceivedAtStore, FulfillmentStatus.ReadyForPickup, FulfillmentStatus.CustomerArrived];

    public static void Map(RouteGroupBuilder fulfillments) =>
        fulfillments.MapGet("/backlog", Handle).WithName(nameof(GetFulfillmentBacklog))
            .WithSummary("Counts the fulfillments waiting for each location, per status: the network's work queues at a glance.");

    internal static async Task<IResult> Handle(OrdersDbContext db, CancellationToken ct)
    {
        var waiting = Fulfillment.Waiting.ToList();
        var groups = await db.Fulfillments.AsNoTracking().Where(f => waiting.Contains(f.Status))
            .Select(f => new { Location = AtHandover.Contains(f.Status) && f.HandoverLocationCode != null ? f.HandoverLocationCode : f.LocationCode, f.Status })
            .GroupBy(f => new { f.Location, f.Status })
            .Select(g => new { g.Key.Location, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        var counts = groups.OrderBy(g => g.Location, StringComparer.Ordinal).ThenBy(g => g.Status)
            .Select(g => new BacklogCount(g.Location, Wire.Of(g.Status), g.Count)).ToList();
        return TypedResults.Ok(new FulfillmentBacklog(counts.Sum(c => c.Fulfillments), counts));
    }
}
