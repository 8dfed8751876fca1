using Omni.Common.Validation;
using Omni.Contracts;
using Omni.Contracts.Inventory;
using Omni.Contracts.Locations;

namespace Omni.Inventory.Features;

public sealed record LocationAvailability(string LocationCode, string Name, string Type, int Available, bool Ship, bool Pickup, bool Curbside, double? DistanceKm);

public sealed record SkuAvailability(string Sku, int Available, IReadOnlyList<LocationAvailability> Locations);

public sealed record AvailabilityResponse(IReadOnlyList<SkuAvailability> Items);

/// <summary>
/// Available to promise per SKU, network-wide for a channel and per location, nearest first. Channel rule v1:
/// online channels see locations that ship or hand over (pickup, curbside); the store channel sees one store's own shelf.
/// </summary>
internal static class GetAvailability
{
    private const int MaxSkus = 100;

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/availability", Handle).WithName(nameof(GetAvailability)).WithTags("Inventory");

    internal static async Task<IResult> Handle(string? skus, double? lat, double? lon, string? channel, string? location,
        IStockLevels stock, ILocationDirectory directory, CancellationToken ct)
    {
        var errors = new Validator();
        var wanted = (skus ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0) errors.Add("skus", "is required: a comma-separated list of SKUs.");
        if (wanted.Count > MaxSkus) errors.Add("skus", $"must name at most {MaxSkus} SKUs.");
        if (lat.HasValue != lon.HasValue) errors.Add(lat.HasValue ? "lon" : "lat", "is required when the other coordinate is given.");
        errors.Range("lat", lat, -90, 90);
        errors.Range("lon", lon, -180, 180);
        SalesChannel? salesChannel = null;
        if (channel is not null)
        {
            if (SalesChannels.TryParse(channel, out var parsed)) salesChannel = parsed;
            else errors.Add("channel", "must be one of web, app, store, social, marketplace, callcenter.");
        }
        var locations = await directory.AllAsync(ct);
        var store = location?.ToUpperInvariant();
        if (salesChannel == SalesChannel.Store && store is null) errors.Add("location", "is required for the store channel: a store sees its own stock.");
        if (store is not null && !locations.ContainsKey(store)) errors.Add("location", $"Location '{location}' does not exist.");
        if (!errors.IsValid) return errors.ToProblem();

        // The SKUs of a request sit at the same few dozen locations: judge and measure each location once, not once per position.
        var described = new Dictionary<string, LocationAvailability?>(StringComparer.OrdinalIgnoreCase);
        LocationAvailability? At(string code)
        {
            if (described.TryGetValue(code, out var known)) return known;
            var at = locations.TryGetValue(code, out var location) && Visible(location, salesChannel, store) ? Describe(location, lat, lon) : null;
            described[code] = at;
            return at;
        }

        var levels = await stock.RecentForSkusAsync(wanted, ct);
        var bySku = levels.ToLookup(l => l.Sku, StringComparer.Ordinal);
        var items = wanted.Select(sku =>
        {
            var visible = new List<LocationAvailability>();
            foreach (var level in bySku[sku])
                if (At(level.LocationCode) is { } at) visible.Add(at with { Available = level.Available });
            var stocked = visible.Where(l => l.Available > 0);
            var sorted = lat is null
                ? stocked.OrderByDescending(l => l.Available).ThenBy(l => l.LocationCode, StringComparer.Ordinal)
                : stocked.OrderBy(l => l.DistanceKm).ThenBy(l => l.LocationCode, StringComparer.Ordinal);
            return new SkuAvailability(sku, visible.Sum(l => l.Available), sorted.ToList());
        }).ToList();
        return TypedResults.Ok(new AvailabilityResponse(items));
    }

    private static bool Visible(LocationSnapshot location, SalesChannel? channel, string? store) =>
        store is not null ? location.Code == store
        : channel is null || location.Can(LocationCapability.Ship) || location.Can(LocationCapability.Pickup) || location.Can(LocationCapability.Curbside);

    /// <summary>The location without its stock (<c>Available</c> 0): each SKU's level is set on a copy.</summary>
    private static LocationAvailability Describe(LocationSnapshot location, double? lat, double? lon) => new(
        location.Code, location.Name, location.Type == LocationType.Store ? "store" : "warehouse", 0,
        location.Can(LocationCapability.Ship), location.Can(LocationCapability.Pickup), location.Can(LocationCapability.Curbside),
        lat is { } la && lon is { } lo ? Math.Round(Geo.DistanceKm(la, lo, location.Latitude, location.Longitude), 1) : null);
}
