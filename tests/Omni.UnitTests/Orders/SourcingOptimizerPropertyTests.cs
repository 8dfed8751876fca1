using CsCheck;
using Omni.Contracts;
using Omni.Contracts.Inventory;
using Omni.Contracts.Locations;
using Omni.Contracts.Orders;
using Omni.Orders.Sourcing;

namespace Omni.UnitTests.Orders;

/// <summary>
/// The optimizer is exact: on small random networks it finds a plan exactly as cheap as the cheapest one found by trying
/// every way of splitting every line over every location, under the same rules (stock, store buffer, capacity, channel
/// rules, split limit). The brute force below costs and checks plans on its own, from the rule set's definition.
/// </summary>
public sealed class SourcingOptimizerPropertyTests
{
    private static readonly string[] Skus = ["A", "B", "C"];
    private static readonly (double Lat, double Lon) Customer = (45.76, 4.83);

    internal sealed record Instance(List<LocationSnapshot> Locations, List<StockLevel> Stock, List<SourcingLine> Lines, SalesChannel Channel,
        SourcingRules Rules, Dictionary<string, int> Today, Dictionary<(string, string), double> Sales)
    {
        public SourcingInput Input => new(Channel, Customer, Locations.ToDictionary(l => l.Code, StringComparer.OrdinalIgnoreCase), Stock, Today, Sales, Rules, 1);

        public override string ToString() =>
            $"lines: {string.Join("; ", Lines)} | stock: {string.Join("; ", Stock.Select(s => $"{s.LocationCode}/{s.Sku}={s.Available}"))} | " +
            $"locations: {string.Join("; ", Locations.Select(l => $"{l.Code} {l.Type} cap {l.DailyOrderCapacity - Today.GetValueOrDefault(l.Code)} {string.Join(",", l.Capabilities)}"))} | " +
            $"channel {Channel}, splits {Rules.MaxSplits}, buffer {Rules.StoreBufferUnits}, eligibility {Rules.Eligibility.Count}";
    }

    private static readonly Gen<LocationSnapshot> AnyLocation =
        Gen.Select(Gen.Bool, Gen.Double[43.0, 50.0], Gen.Double[-1.0, 7.0], Gen.Int[0, 3], Gen.Int[0, 2])
            .Select((store, lat, lon, caps, capacity) => new LocationSnapshot("", "", store ? LocationType.Store : LocationType.Warehouse, lat, lon,
                "Europe/Paris", "FR",
                caps switch
                {
                    0 => new HashSet<LocationCapability> { LocationCapability.Pickup },
                    1 => [LocationCapability.Ship],
                    _ => [LocationCapability.Ship, LocationCapability.Pickup, LocationCapability.ShipToStore],
                },
                capacity));

    private static readonly Gen<Instance> AnyInstance =
        Gen.Select(AnyLocation.Array[2, 4], Gen.Int[0, 4].Array[12], Gen.Select(Gen.Int[0, 2], Gen.Int[1, 3], Gen.Int[0, 9], Gen.Int[0, 3]).Array[1, 3],
                Gen.Select(Gen.Int[0, 2], Gen.Int[0, 2], Gen.Int[0, 2], Gen.Bool, Gen.Double[0, 8], Gen.Int[0, 3].Array[12]))
            .Select((locations, stock, lines, knobs) =>
            {
                var (splits, buffer, eligibility, online, splitPenalty, sales) = knobs;
                var located = locations.Select((l, i) => l with { Code = $"L{i}", Name = $"L{i}" }).ToList();
                var levels = new List<StockLevel>();
                for (var l = 0; l < located.Count; l++)
                    for (var s = 0; s < Skus.Length; s++)
                        if (stock[l * 3 + s] > 0) levels.Add(new StockLevel(located[l].Code, Skus[s], stock[l * 3 + s] + 1, 1, 0));
                var stores = located.Where(l => l.Can(LocationCapability.Pickup)).ToList();
                var sourcingLines = new List<SourcingLine>();
                foreach (var (sku, quantity, method, store) in lines)
                {
                    var at = stores.Count == 0 ? null : stores[store % stores.Count].Code;
                    var kind = (method % 5) switch { 0 or 1 or 2 => FulfillmentMethod.Ship, 3 => FulfillmentMethod.ShipToStore, _ => FulfillmentMethod.Pickup };
                    if (at is null || (kind == FulfillmentMethod.ShipToStore && !stores.First(s => s.Code == at).Can(LocationCapability.ShipToStore)))
                        kind = FulfillmentMethod.Ship;
                    sourcingLines.Add(new SourcingLine(sourcingLines.Count, Skus[sku], quantity, kind, kind == FulfillmentMethod.Ship ? null : at));
                }
                var rules = SourcingRules.Default with
                {
                    MaxSplits = splits,
                    StoreBufferUnits = buffer,
                    SplitPenalty = splitPenalty,
                    CostPerKm = new(0.01, 0.006),
                    Eligibility = eligibility switch
                    {
                        0 => [],
                        1 => [new EligibilityRule(null, [FulfillmentMethod.Ship], null, null), new EligibilityRule(null, [FulfillmentMethod.ShipToStore], [LocationType.Warehouse], null)],
                        _ => [new EligibilityRule([SalesChannel.Store], null, null, null), new EligibilityRule(null, null, null, ["L0", "L1"])],
                    },
                };
                var today = located.ToDictionary(l => l.Code, _ => 0);
                var rates = new Dictionary<(string, string), double>();
                for (var l = 0; l < located.Count; l++)
                    for (var s = 0; s < Skus.Length; s++)
                        if (sales[l * 3 + s] > 0) rates[(located[l].Code, Skus[s])] = sales[l * 3 + s] / 2.0;
                return new Instance(located, levels, sourcingLines, online ? SalesChannel.Web : SalesChannel.Store, rules, today, rates);
            });

    [Fact]
    public void The_optimizer_finds_a_plan_as_cheap_as_the_cheapest_of_all_plans()
    {
        AnyInstance.Sample(instance =>
        {
            var result = SourcingOptimizer.Plan(instance.Lines, instance.Input);
            var optimum = BruteForce(instance);
            if (optimum is null) return !result.Plan.Complete;
            if (!result.Plan.Complete || !result.Explanation.Exact) return false;
            var own = Cost(instance, result.Plan.Allocations);
            return own is { } cost && Math.Abs(cost - optimum.Value) < 1e-6 && Math.Abs(result.Explanation.Cost.Total - cost) < 1e-6;
        }, iter: 400);
    }

    /// <summary>The cheapest feasible plan by trying every split of every line over every location; null when none is feasible.</summary>
    private static double? BruteForce(Instance instance)
    {
        double? best = null;
        var choices = instance.Lines.Select(line => line.Method is FulfillmentMethod.Ship or FulfillmentMethod.ShipToStore
            ? Splits(line.Quantity, instance.Locations.Count).Select(split => split.Select((q, l) => new SourcedAllocation(line.Index, instance.Locations[l].Code, q)).Where(a => a.Quantity > 0).ToList()).ToList()
            : [[new SourcedAllocation(line.Index, line.LocationCode!, line.Quantity)]]).ToList();
        void Walk(int i, List<SourcedAllocation> plan)
        {
            if (i == choices.Count)
            {
                if (Cost(instance, plan) is { } cost && (best is null || cost < best)) best = cost;
                return;
            }
            foreach (var choice in choices[i]) Walk(i + 1, [.. plan, .. choice]);
        }
        Walk(0, []);
        return best;
    }

    private static IEnumerable<int[]> Splits(int quantity, int parts)
    {
        if (parts == 1) { yield return [quantity]; yield break; }
        for (var first = 0; first <= quantity; first++)
            foreach (var rest in Splits(quantity - first, parts - 1)) yield return [first, .. rest];
    }

    /// <summary>The cost of a plan from the rule set's definition, or null when the plan breaks a rule.</summary>
    private static double? Cost(Instance instance, IReadOnlyList<SourcedAllocation> plan)
    {
        var rules = instance.Rules;
        var online = instance.Channel != SalesChannel.Store;
        var location = instance.Locations.ToDictionary(l => l.Code);
        var taken = new Dictionary<(string, string), int>();
        var shipments = new HashSet<(string Destination, string Location)>();
        var handover = new HashSet<string>();
        var cost = 0.0;
        foreach (var a in plan)
        {
            var line = instance.Lines[a.LineIndex];
            var at = location[a.LocationCode];
            taken[(at.Code, line.Sku)] = taken.GetValueOrDefault((at.Code, line.Sku)) + a.Quantity;
            var level = instance.Stock.FirstOrDefault(s => s.LocationCode == at.Code && s.Sku == line.Sku);
            var rate = instance.Sales.GetValueOrDefault((at.Code, line.Sku));
            var cover = rate > 0 ? (level?.OnHand ?? 0) / rate : double.PositiveInfinity;
            cost += a.Quantity * (rules.PickCostPerUnit.For(at.Type) + rules.LowCoverPenaltyPerUnit * Math.Max(0, 1 - cover / rules.TargetCoverDays));
            if (line.Method is FulfillmentMethod.Ship or FulfillmentMethod.ShipToStore)
            {
                if (!at.Can(LocationCapability.Ship) || !rules.Allows(instance.Channel, line.Method, at)) return null;
                shipments.Add((line.Method == FulfillmentMethod.Ship ? "address" : line.LocationCode!, at.Code));
            }
            else handover.Add(at.Code);
        }
        foreach (var ((code, sku), units) in taken)
        {
            var available = instance.Stock.FirstOrDefault(s => s.LocationCode == code && s.Sku == sku)?.Available ?? 0;
            var buffer = online && location[code].Type == LocationType.Store ? rules.StoreBufferUnits : 0;
            if (units > Math.Max(0, available - buffer)) return null;
        }
        foreach (var code in shipments.Select(s => s.Location).Distinct())
            if (!handover.Contains(code) && location[code].DailyOrderCapacity - instance.Today[code] <= 0) return null;
        var destinations = shipments.Select(s => s.Destination).Distinct().Count();
        if (shipments.Count - destinations > rules.MaxSplits) return null;
        foreach (var (destination, code) in shipments)
        {
            var at = location[code];
            var point = destination == "address" ? Customer : (location[destination].Latitude, location[destination].Longitude);
            cost += rules.ShipmentCost.For(at.Type) + rules.CostPerKm.For(at.Type) * Geo.DistanceKm(point.Item1, point.Item2, at.Latitude, at.Longitude);
        }
        return cost + (shipments.Count - destinations) * rules.SplitPenalty;
    }
}
