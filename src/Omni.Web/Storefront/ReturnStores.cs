using Omni.Contracts;
using Omni.Contracts.Locations;

namespace Omni.Web.Storefront;

/// <summary>The stores a shopper may bring a return to: those that take returns, nearest to the shopper's store first.</summary>
internal static class ReturnStores
{
    public static IReadOnlyList<(LocationSnapshot Store, double? Distance)> NearestFirst(IReadOnlyDictionary<string, LocationSnapshot> all, string? myStore)
    {
        var stores = all.Values.Where(l => l.Type == LocationType.Store && l.Can(LocationCapability.Returns)).ToList();
        if (myStore is null || !all.TryGetValue(myStore, out var mine))
            return [.. stores.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => (s, (double?)null))];
        return [.. stores.Select(s => (s, (double?)Geo.DistanceKm(mine.Latitude, mine.Longitude, s.Latitude, s.Longitude))).OrderBy(x => x.Item2).ThenBy(x => x.s.Name, StringComparer.Ordinal)];
    }
}
