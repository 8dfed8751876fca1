using Microsoft.EntityFrameworkCore;
using Omni.Common.Validation;
using Omni.Contracts.Inventory;
using Omni.Contracts.Locations;
using Omni.Orders.Data;
using Omni.Orders.Domain;
using Omni.Orders.Sourcing;

namespace Omni.Orders.Features.Sourcing;

internal sealed record SimulateSourcingRequest(List<Guid>? OrderIds, DateTime? From, DateTime? To, SourcingRules? Rules);

internal sealed record SimulatedTotals(int RuleSetVersion, int Orders, int Unsourced, double Cost, int Shipments, int Splits, double SplitRate,
    double DistanceKm, int CapacityBreaches);

internal sealed record SimulationReport(int OrdersReplayed, bool Truncated, SimulatedTotals Live, SimulatedTotals Proposed, double CostChange);

/// <summary>
/// Replays past orders under a proposed rule set and the live one, side by side, touching nothing. Both replays start from
/// the same picture: stock as it is now plus every unit the replayed orders took (so they find what they found then, give
/// or take what happened since), and orders are sourced one after the other in the order they were placed, each taking its
/// units off the picture. Daily capacity counts the replayed orders only; days of cover use today's rate of sale.
/// </summary>
internal static class SimulateSourcing
{
    public const int MaxOrders = 1000;

    public static RouteHandlerBuilder Map(RouteGroupBuilder sourcing) =>
        sourcing.MapPost("/simulate", Handle).WithName(nameof(SimulateSourcing))
            .WithSummary("Replays past orders (ids or a date range) under proposed sourcing rules and compares them with the live rules.");

    internal static async Task<IResult> Handle(SimulateSourcingRequest? request, OrdersDbContext db, ILocationDirectory directory, IStockLevels stock,
        TimeProvider clock, CancellationToken ct)
    {
        var v = Validate(request);
        if (!v.IsValid) return v.ToProblem();

        var query = db.Orders.AsNoTracking().AsSplitQuery().Where(o => o.Status != OrderStatus.Cancelled);
        query = request!.OrderIds is { Count: > 0 } ids
            ? query.Where(o => ids.Contains(o.Id))
            : query.Where(o => o.PlacedAt >= Utc(request.From!.Value) && o.PlacedAt < Utc(request.To!.Value));
        var orders = await query.OrderBy(o => o.SequenceNumber).Take(MaxOrders + 1).ToListAsync(ct);
        var truncated = orders.Count > MaxOrders;
        if (truncated) orders.RemoveAt(orders.Count - 1);

        var now = clock.GetUtcNow().UtcDateTime;
        var locations = await directory.AllAsync(ct);
        var skus = orders.SelectMany(o => o.Lines.Select(l => l.Sku)).Distinct(StringComparer.Ordinal).ToList();
        var (liveRules, liveVersion) = await SourcingData.LiveRulesAsync(db, ct);
        var proposed = request.Rules!;
        var needsSales = liveRules.LowCoverPenaltyPerUnit > 0 || proposed.LowCoverPenaltyPerUnit > 0;
        var sales = needsSales ? await SourcingData.DailySalesAsync(db, skus, now, Math.Max(liveRules.SalesWindowDays, proposed.SalesWindowDays), ct) : [];

        var picture = new Dictionary<(string Location, string Sku), (int OnHand, int Available)>();
        foreach (var level in await stock.ForSkusAsync(skus, ct)) picture[(level.LocationCode, level.Sku)] = (level.OnHand, level.Available);
        foreach (var a in orders.SelectMany(o => o.Lines.SelectMany(l => l.Allocations.Select(a => (a.LocationCode, l.Sku, a.Quantity)))))
        {
            var (onHand, available) = picture.GetValueOrDefault((a.LocationCode, a.Sku));
            picture[(a.LocationCode, a.Sku)] = (onHand + a.Quantity, available + a.Quantity);
        }

        var live = Replay(orders, locations, picture, liveRules, liveVersion, sales);
        var trial = Replay(orders, locations, picture, proposed, -1, sales);
        int? Capacity(string code) => locations.TryGetValue(code, out var l) ? l.DailyOrderCapacity : null;
        var liveTotals = Totals(live, liveVersion, Capacity);
        var trialTotals = Totals(trial, -1, Capacity);
        return TypedResults.Ok(new SimulationReport(orders.Count, truncated, liveTotals, trialTotals,
            liveTotals.Cost == 0 ? 0 : Math.Round((trialTotals.Cost - liveTotals.Cost) / liveTotals.Cost, 4)));
    }

    private static SourcingTotals Replay(List<Order> orders, IReadOnlyDictionary<string, LocationSnapshot> locations,
        Dictionary<(string Location, string Sku), (int OnHand, int Available)> start, SourcingRules rules, int version,
        IReadOnlyDictionary<(string, string), double> sales)
    {
        var picture = new Dictionary<(string Location, string Sku), (int OnHand, int Available)>(start);
        var totals = new SourcingTotals();
        foreach (var order in orders)
        {
            var day = DateOnly.FromDateTime(order.PlacedAt);
            var lines = order.Lines.OrderBy(l => l.LineNumber)
                .Select((l, i) => new SourcingLine(i, l.Sku, l.Quantity, l.Method, l.LocationCode)).ToList();
            var skus = lines.Select(l => l.Sku).ToHashSet(StringComparer.Ordinal);
            var levels = picture.Where(p => skus.Contains(p.Key.Sku))
                .Select(p => new StockLevel(p.Key.Location, p.Key.Sku, p.Value.OnHand, p.Value.OnHand - p.Value.Available, 0)).ToList();
            var today = locations.Keys.ToDictionary(code => code, code => totals.Load(code, day), StringComparer.OrdinalIgnoreCase);
            var destination = order.ShippingAddress is { Latitude: { } lat, Longitude: { } lon } ? (lat, lon) : ((double, double)?)null;
            var result = SourcingOptimizer.Plan(lines, new SourcingInput(order.Channel, destination, locations, levels, today, sales, rules, version));
            totals.Add(result, day);
            foreach (var a in result.Plan.Allocations)
            {
                var key = (a.LocationCode, lines[a.LineIndex].Sku);
                var (onHand, available) = picture[key];
                picture[key] = (onHand - a.Quantity, available - a.Quantity);
            }
        }
        return totals;
    }

    private static SimulatedTotals Totals(SourcingTotals t, int version, Func<string, int?> capacity) =>
        new(version, t.Orders, t.Unsourced, Math.Round(t.Cost, 2), t.Shipments, t.Splits, Math.Round(t.SplitRate, 4), Math.Round(t.DistanceKm, 1),
            t.CapacityBreaches(capacity));

    // A time without an offset is read as UTC, like every time in the API.
    private static DateTime Utc(DateTime at) => at.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : at.ToUniversalTime();

    private static Validator Validate(SimulateSourcingRequest? request)
    {
        var v = new Validator();
        if (request is null) return v.Add("body", "is required.");
        SourcingRules.Validate(v, request.Rules, "rules.");
        var byIds = request.OrderIds is { Count: > 0 };
        var byDates = request.From is not null || request.To is not null;
        if (byIds == byDates) v.Add("orderIds", "give either orderIds or from and to.");
        if (byIds && request.OrderIds!.Count > MaxOrders) v.Add("orderIds", $"must hold at most {MaxOrders} ids.");
        if (byDates)
        {
            if (request.From is null) v.Add("from", "is required with to.");
            if (request.To is null) v.Add("to", "is required with from.");
            if (request.From >= request.To) v.Add("to", "must be after from.");
        }
        return v;
    }
}
