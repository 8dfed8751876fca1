using Microsoft.EntityFrameworkCore;
using Omni.Common.Validation;
using Omni.Contracts;
using Omni.Orders.Data;

namespace Omni.Orders.Features;

internal sealed record OrderCount(SalesChannel Channel, string Status, int Orders);

internal sealed record OrderSummary(DateTime? PlacedFrom, DateTime? PlacedTo, int Orders, IReadOnlyList<OrderCount> Counts);

/// <summary>Orders per channel and status in one grouped query: the console's dashboard and any BI tool read the same numbers.</summary>
internal static class GetOrderSummary
{
    public static void Map(RouteGroupBuilder orders) =>
        orders.MapGet("/summary", Handle).WithName(nameof(GetOrderSummary))
            .WithSummary("Counts orders per channel and status, optionally for a placement period [placedFrom, placedTo).");

    internal static async Task<IResult> Handle(DateTime? placedFrom, DateTime? placedTo, OrdersDbContext db, CancellationToken ct)
    {
        var errors = new Validator();
        if (placedFrom is { } f && placedTo is { } t && t <= f) errors.Add("placedTo", "must be after placedFrom.");
        if (!errors.IsValid) return errors.ToProblem();

        var query = db.Orders.AsNoTracking();
        var from = placedFrom?.ToUniversalTime();
        var to = placedTo?.ToUniversalTime();
        if (from is { } start) query = query.Where(o => o.PlacedAt >= start);
        if (to is { } end) query = query.Where(o => o.PlacedAt < end);
        var groups = await query.GroupBy(o => new { o.Channel, o.Status }).Select(g => new { g.Key.Channel, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var counts = groups.OrderBy(g => g.Channel).ThenBy(g => g.Status)
            .Select(g => new OrderCount(g.Channel, g.Status.ToString().ToLowerInvariant(), g.Count)).ToList();
        return TypedResults.Ok(new OrderSummary(from, to, counts.Sum(c => c.Orders), counts));
    }
}
