using Omni.Contracts;
using Omni.Contracts.Inventory;
using Omni.Contracts.Locations;
using Omni.Contracts.Orders;

namespace Omni.Orders.Sourcing;

internal sealed record SourcingLine(int Index, string Sku, int Quantity, FulfillmentMethod Method, string? LocationCode);

internal sealed record SourcedAllocation(int LineIndex, string LocationCode, int Quantity);

internal sealed record SourcingPlan(IReadOnlyList<SourcedAllocation> Allocations, IReadOnlyList<string> ShortSkus)
{
    public bool Complete => ShortSkus.Count == 0;
}

/// <summary>
/// Sourcing v1, a pure function. A line handed over in a store (pickup, curbside, carry-out) is served by that store.
/// A shipped line goes to the nearest ship-capable location that can send it whole, else it is split across the
/// nearest ones. Lines are served in order against one shrinking picture of stock, so two lines never count the same unit.
/// </summary>
internal static class NearestSourcing
{
    public static SourcingPlan Plan(IReadOnlyList<SourcingLine> lines, IReadOnlyList<StockLevel> stock,
        IReadOnlyDictionary<string, LocationSnapshot> locations, (double Lat, double Lon)? destination)
    {
        var available = stock.ToDictionary(s => (s.LocationCode, s.Sku), s => s.Available);
        var allocations = new List<SourcedAllocation>();
        var shortSkus = new List<string>();

        foreach (var line in lines)
        {
            var served = line.Method switch
            {
                FulfillmentMethod.Pickup or FulfillmentMethod.Curbside or FulfillmentMethod.CarryOut => AtStore(line, available),
                FulfillmentMethod.ShipToStore => Shipped(line, available, locations, At(locations, line.LocationCode)),
                _ => Shipped(line, available, locations, destination),
            };
            if (served is null)
            {
                if (!shortSkus.Contains(line.Sku)) shortSkus.Add(line.Sku);
                continue;
            }
            foreach (var allocation in served) available[(allocation.LocationCode, line.Sku)] -= allocation.Quantity;
            allocations.AddRange(served);
        }
        return new SourcingPlan(allocations, shortSkus);
    }

    private static List<SourcedAllocation>? AtStore(SourcingLine line, Dictionary<(string, string), int> available) =>
        available.GetValueOrDefault((line.LocationCode!, line.Sku)) >= line.Quantity
            ? [new SourcedAllocation(line.Index, line.LocationCode!, line.Quantity)]
            : null;

    private static List<SourcedAllocation>? Shipped(SourcingLine line, Dictionary<(string, string), int> available,
        IReadOnlyDictionary<string, LocationSnapshot> locations, (double Lat, double Lon)? destination)
    {
        var candidates = locations.Values
            .Where(l => l.Can(LocationCapability.Ship) && available.GetValueOrDefault((l.Code, line.Sku)) > 0)
            .Select(l => (Location: l, Available: available[(l.Code, line.Sku)]))
            .ToList();
        // Without a destination, distance means nothing: prefer warehouses (they exist to ship), then the deepest stock.
        var ordered = destination is { } d
            ? candidates.OrderBy(c => Geo.DistanceKm(d.Lat, d.Lon, c.Location.Latitude, c.Location.Longitude)).ThenBy(c => c.Location.Code, StringComparer.Ordinal).ToList()
            : candidates.OrderBy(c => c.Location.Type == LocationType.Warehouse ? 0 : 1).ThenByDescending(c => c.Available).ThenBy(c => c.Location.Code, StringComparer.Ordinal).ToList();

        var whole = ordered.FirstOrDefault(c => c.Available >= line.Quantity);
        if (whole.Location is not null) return [new SourcedAllocation(line.Index, whole.Location.Code, line.Quantity)];

        if (ordered.Sum(c => c.Available) < line.Quantity) return null;
        var split = new List<SourcedAllocation>();
        var missing = line.Quantity;
        foreach (var (location, units) in ordered)
        {
            var take = Math.Min(units, missing);
            split.Add(new SourcedAllocation(line.Index, location.Code, take));
            missing -= take;
            if (missing == 0) break;
        }
        return split;
    }

    private static (double Lat, double Lon)? At(IReadOnlyDictionary<string, LocationSnapshot> locations, string? code) =>
        code is not null && locations.TryGetValue(code, out var l) ? (l.Latitude, l.Longitude) : null;
}
