namespace Omni.Orders.Sourcing;

/// <summary>What a set of sourcing decisions adds up to: for comparing rule sets (simulate) and strategies (benchmark).</summary>
internal sealed class SourcingTotals
{
    private readonly Dictionary<(string Location, DateOnly Day), int> _load = [];

    public int Orders { get; private set; }
    public int Unsourced { get; private set; }
    public double Cost { get; private set; }
    public int Shipments { get; private set; }
    public int Splits { get; private set; }
    public int SplitOrders { get; private set; }
    public double DistanceKm { get; private set; }
    public int Inexact { get; private set; }

    /// <summary>Share of sourced orders that ship in more parcels than they have destinations.</summary>
    public double SplitRate => Orders == 0 ? 0 : (double)SplitOrders / Orders;

    public void Add(SourcingResult result, DateOnly day)
    {
        if (!result.Plan.Complete) { Unsourced++; return; }
        var e = result.Explanation;
        Orders++;
        Cost += e.CostTotal;
        Shipments += e.Shipments;
        Splits += e.Splits;
        if (e.Splits > 0) SplitOrders++;
        DistanceKm += e.DistanceKm;
        if (!e.Exact) Inexact++;
        foreach (var location in result.Plan.Allocations.Select(a => a.LocationCode).Distinct(StringComparer.OrdinalIgnoreCase))
            _load[(location, day)] = _load.GetValueOrDefault((location, day)) + 1;
    }

    /// <summary>Orders the plans gave a location on a day.</summary>
    public int Load(string location, DateOnly day) => _load.GetValueOrDefault((location, day));

    /// <summary>Location-days that got more orders than their daily capacity.</summary>
    public int CapacityBreaches(Func<string, int?> capacityOf) =>
        _load.Count(l => capacityOf(l.Key.Location) is { } capacity && l.Value > capacity);
}
