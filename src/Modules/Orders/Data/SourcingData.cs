using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Http;
using Omni.Contracts;
using Omni.Contracts.Inventory;
using Omni.Contracts.Locations;
using Omni.Contracts.Orders;
using Omni.Orders.Domain;
using Omni.Orders.Sourcing;

namespace Omni.Orders.Data;

/// <summary>
/// What sourcing reads from (and writes to) the database before it runs as a pure function: the rule set in force, the orders each
/// location already took today (its daily capacity) and recent sales per location and SKU (its days of cover). Placing an
/// order, simulating, promising and re-sourcing all read through here, so they all see the same picture.
/// </summary>
internal static class SourcingData
{
    public static readonly JsonSerializerOptions Json = OmniJson.Create();

    /// <summary>The latest rule set, or the built-in defaults as version 0 before anyone saved one.</summary>
    public static async Task<(SourcingRules Rules, int Version)> LiveRulesAsync(OrdersDbContext db, CancellationToken ct)
    {
        var latest = await db.SourcingRuleSets.AsNoTracking().OrderByDescending(r => r.Version).FirstOrDefaultAsync(ct);
        return latest is null ? (SourcingRules.Default, 0) : (Read(latest), latest.Version);
    }

    public static SourcingRules Read(SourcingRuleSet set) => JsonSerializer.Deserialize<SourcingRules>(set.Definition, Json)!;

    public static SourcingDecision Decision(Guid orderId, SourcingExplanation explanation, DateTime at) => new()
    {
        OrderId = orderId, RuleSetVersion = explanation.RuleSetVersion, Cost = explanation.CostTotal, Splits = explanation.Splits,
        DecidedAt = at, Explanation = JsonSerializer.Serialize(explanation, Json),
    };

    public static ResourcingDecision Decision(Guid orderId, Guid fulfillmentId, string reason, SourcingExplanation explanation, DateTime at) => new()
    {
        OrderId = orderId, FulfillmentId = fulfillmentId, Reason = reason, RuleSetVersion = explanation.RuleSetVersion, Cost = explanation.CostTotal,
        DecidedAt = at, Explanation = JsonSerializer.Serialize(explanation, Json),
    };

    public static SourcingExplanation Explanation(ResourcingDecision decision) => JsonSerializer.Deserialize<SourcingExplanation>(decision.Explanation, Json)!;

    public static SourcingExplanation Explanation(SourcingDecision decision) => JsonSerializer.Deserialize<SourcingExplanation>(decision.Explanation, Json)!;

    /// <summary>
    /// Orders per location since the start of today (UTC) that still need work there: cancelled orders and carry-outs (sold
    /// over the counter) take no fulfillment capacity.
    /// </summary>
    public static async Task<Dictionary<string, int>> OrdersTodayAsync(OrdersDbContext db, DateTime now, CancellationToken ct)
    {
        var start = now.Date;
        // Flat joins (no correlated subqueries): SQLite cannot run the APPLY that nested SelectMany translates to.
        var rows = await (
                from o in db.Orders.AsNoTracking()
                where o.PlacedAt >= start && o.Status != OrderStatus.Cancelled
                from l in o.Lines
                where l.Method != FulfillmentMethod.CarryOut
                from a in l.Allocations
                select new { a.LocationCode, o.Id })
            .Distinct()
            .GroupBy(x => x.LocationCode)
            .Select(g => new { Location = g.Key, Orders = g.Count() })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Location, r => r.Orders, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Units per day each location gave to orders (store sales included: they are orders too) over the window. Inventory
    /// keeps only on hand; the Orders module is where the rate of sale per location lives. Null <c>skus</c> reads them all.
    /// </summary>
    public static async Task<Dictionary<(string Location, string Sku), double>> DailySalesAsync(
        OrdersDbContext db, IReadOnlyCollection<string>? skus, DateTime now, int windowDays, CancellationToken ct)
    {
        var since = now.AddDays(-windowDays);
        var lines = skus is null ? db.Lines : db.Lines.Where(l => skus.Contains(l.Sku));
        var rows = await (
                from o in db.Orders.AsNoTracking()
                where o.PlacedAt >= since && o.Status != OrderStatus.Cancelled
                join l in lines on o.Id equals l.OrderId
                from a in l.Allocations
                select new { a.LocationCode, l.Sku, a.Quantity })
            .GroupBy(x => new { x.LocationCode, x.Sku })
            .Select(g => new { g.Key.LocationCode, g.Key.Sku, Units = g.Sum(x => x.Quantity) })
            .ToListAsync(ct);
        return rows.ToDictionary(r => (r.LocationCode, r.Sku), r => r.Units / (double)windowDays);
    }
}
