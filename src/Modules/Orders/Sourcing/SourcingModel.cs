using Omni.Contracts;
using Omni.Contracts.Locations;
using Omni.Contracts.Orders;

namespace Omni.Orders.Sourcing;

/// <summary>
/// One order's sourcing problem, compiled for the search: the lines handed over in a store are settled up front (they stay
/// at their store); shipped lines are grouped by destination (the address, or the store a ship-to-store line goes to), and a
/// <see cref="Pair"/> is a possible shipment: one location sending to one destination. A plan is a set of open shipments plus
/// which units each one carries; its cost is fixed per shipment (base + distance), a penalty per shipment beyond one per
/// destination, and per unit (picking, plus a penalty for taking from a location whose days of cover run low).
/// </summary>
internal sealed class SourcingModel
{
    public const string AddressDestination = "address";

    internal sealed record Group(string Key, FulfillmentMethod Method, (double Lat, double Lon)? Point, List<int> Lines, Dictionary<string, int> Demand);

    internal sealed record Pair(int Group, int Location, double Fixed, double? Km);

    private readonly Dictionary<(int Location, string Sku), int> _raw = [];
    private readonly Dictionary<(int Location, string Sku), int> _onHand = [];
    private readonly Dictionary<(int Location, string Sku), int> _supply = [];
    private readonly Dictionary<string, int> _index;

    public IReadOnlyList<SourcingLine> Lines { get; }
    public SourcingInput Input { get; }
    public LocationSnapshot[] Locations { get; }
    public List<Group> Groups { get; } = [];
    public int[] GroupOfLine { get; }
    public List<Pair> Pairs { get; } = [];
    public List<SourcedAllocation> Handover { get; } = [];
    public List<string> ShortSkus { get; } = [];
    /// <summary>SKUs of shipped lines, with the groups that want each.</summary>
    public Dictionary<string, List<int>> SkuGroups { get; } = new(StringComparer.Ordinal);
    /// <summary>Locations that serve this order anyway (handover): they take no more of their daily capacity for a shipment.</summary>
    public HashSet<int> AlreadyUsed { get; } = [];

    public SourcingModel(IReadOnlyList<SourcingLine> lines, SourcingInput input)
    {
        Lines = lines;
        Input = input;
        Locations = [.. input.Locations.Values.OrderBy(l => l.Code, StringComparer.Ordinal)];
        _index = Locations.Select((l, i) => (l.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.OrdinalIgnoreCase);
        GroupOfLine = new int[lines.Count];
        var rules = input.Rules;
        var online = input.Channel.IsOnline();

        foreach (var level in input.Stock)
        {
            if (!_index.TryGetValue(level.LocationCode, out var l)) continue;
            _raw[(l, level.Sku)] = level.Available;
            _onHand[(l, level.Sku)] = level.OnHand;
            // Online orders leave a store's last units on its shelf for the customers who walk in.
            var buffer = online && Locations[l].Type == LocationType.Store ? rules.StoreBufferUnits : 0;
            _supply[(l, level.Sku)] = Math.Max(0, level.Available - buffer);
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Method is FulfillmentMethod.Ship or FulfillmentMethod.ShipToStore)
            {
                var key = line.Method == FulfillmentMethod.Ship ? AddressDestination : line.LocationCode!;
                var g = Groups.FindIndex(x => x.Key == key);
                if (g < 0)
                {
                    var point = line.Method == FulfillmentMethod.Ship ? input.Destination
                        : _index.TryGetValue(key, out var store) ? (Locations[store].Latitude, Locations[store].Longitude) : null;
                    Groups.Add(new Group(key, line.Method, point, [], new Dictionary<string, int>(StringComparer.Ordinal)));
                    g = Groups.Count - 1;
                }
                Groups[g].Lines.Add(i);
                Groups[g].Demand[line.Sku] = Groups[g].Demand.GetValueOrDefault(line.Sku) + line.Quantity;
                GroupOfLine[i] = g;
                continue;
            }
            GroupOfLine[i] = -1;
            // Handed over in a store: that store serves it, whatever it costs.
            var at = _index.GetValueOrDefault(line.LocationCode ?? "", -1);
            if (at >= 0 && input.Excluded?.Contains(Locations[at].Code) == true) at = -1;
            var have = at < 0 ? 0 : _supply.GetValueOrDefault((at, line.Sku));
            if (have < line.Quantity) { AddShort(line.Sku); continue; }
            _supply[(at, line.Sku)] = have - line.Quantity;
            Handover.Add(new SourcedAllocation(line.Index, Locations[at].Code, line.Quantity));
            AlreadyUsed.Add(at);
        }

        for (var g = 0; g < Groups.Count; g++)
            foreach (var sku in Groups[g].Demand.Keys)
            {
                if (!SkuGroups.TryGetValue(sku, out var list)) SkuGroups[sku] = list = [];
                list.Add(g);
            }

        for (var g = 0; g < Groups.Count; g++)
            for (var l = 0; l < Locations.Length; l++)
            {
                if (Verdict(g, l, sku: null) is not null) continue;
                if (!Groups[g].Demand.Keys.Any(sku => Supply(l, sku) > 0)) continue;
                var km = Distance(g, l);
                var type = Locations[l].Type;
                Pairs.Add(new Pair(g, l, rules.ShipmentCost.For(type) + rules.CostPerKm.For(type) * (km ?? 0), km));
            }
    }

    public int Supply(int location, string sku) => _supply.GetValueOrDefault((location, sku));

    public int LocationIndex(string code) => _index.GetValueOrDefault(code, -1);

    public double? Distance(int group, int location) => Groups[group].Point is { } p
        ? Geo.DistanceKm(p.Lat, p.Lon, Locations[location].Latitude, Locations[location].Longitude)
        : null;

    public double PickCost(int location) => Input.Rules.PickCostPerUnit.For(Locations[location].Type);

    public double DaysOfCover(int location, string sku) =>
        Input.DaysOfCover(Locations[location].Code, sku, _onHand.GetValueOrDefault((location, sku)));

    /// <summary>Penalty per unit for drawing down a location whose stock of the SKU would last fewer days than the target.</summary>
    public double LowCoverPenalty(int location, string sku)
    {
        var rules = Input.Rules;
        if (rules.LowCoverPenaltyPerUnit <= 0 || rules.TargetCoverDays <= 0) return 0;
        var cover = DaysOfCover(location, sku);
        return double.IsPositiveInfinity(cover) ? 0 : rules.LowCoverPenaltyPerUnit * Math.Max(0, 1 - cover / rules.TargetCoverDays);
    }

    public double UnitCost(int location, string sku) => PickCost(location) + LowCoverPenalty(location, sku);

    /// <summary>Why the location cannot serve the group (and, given a SKU, that SKU); null when it can.</summary>
    public CandidateVerdict? Verdict(int group, int location, string? sku)
    {
        var l = Locations[location];
        if (Input.Excluded?.Contains(l.Code) == true) return CandidateVerdict.Excluded;
        if (!l.Can(LocationCapability.Ship) || !Input.Rules.Allows(Input.Channel, Groups[group].Method, l)) return CandidateVerdict.NotAllowed;
        if (sku is not null && _raw.GetValueOrDefault((location, sku)) <= 0) return CandidateVerdict.NoStock;
        if (sku is not null && Supply(location, sku) <= 0) return CandidateVerdict.Buffer;
        if (!AlreadyUsed.Contains(location) && Input.CapacityLeft(l) <= 0) return CandidateVerdict.Capacity;
        return null;
    }

    public bool HasPosition(int location, string sku) => _raw.ContainsKey((location, sku));

    /// <summary>Available to promise before the store buffer.</summary>
    public int Available(int location, string sku) => _raw.GetValueOrDefault((location, sku));

    public void AddShort(string sku)
    {
        if (!ShortSkus.Contains(sku)) ShortSkus.Add(sku);
    }

    /// <summary>The cost of any complete plan under this model (the baseline's too), with its shipments and distance.</summary>
    public (SourcingCost Cost, int Shipments, int Splits, double Km) Evaluate(IEnumerable<SourcedAllocation> allocations)
    {
        var position = Lines.Select((line, i) => (line.Index, i)).ToDictionary(x => x.Index, x => x.i);
        var shipments = new Dictionary<(int Group, int Location), double?>();
        double picking = 0, cover = 0;
        foreach (var a in allocations)
        {
            var at = position[a.LineIndex];
            var l = LocationIndex(a.LocationCode);
            picking += a.Quantity * PickCost(l);
            cover += a.Quantity * LowCoverPenalty(l, Lines[at].Sku);
            var g = GroupOfLine[at];
            if (g >= 0) shipments[(g, l)] = Distance(g, l);
        }
        var rules = Input.Rules;
        var shipping = shipments.Sum(s => rules.ShipmentCost.For(Locations[s.Key.Location].Type) + rules.CostPerKm.For(Locations[s.Key.Location].Type) * (s.Value ?? 0));
        var destinations = shipments.Keys.Select(k => k.Group).Distinct().Count();
        var splits = shipments.Count - destinations;
        return (new SourcingCost(shipping, splits * rules.SplitPenalty, picking, cover), shipments.Count, splits, shipments.Values.Sum(v => v ?? 0));
    }
}
