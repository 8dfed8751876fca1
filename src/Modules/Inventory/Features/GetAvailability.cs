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

        var levels = await stock.RecentForSkusAsync(wanted, ct);
        var bySku = levels.ToLookup(l => l.Sku, StringComparer.Ordinal);
        var items = wanted.Select(sku =>
        {
            var visible = bySku[sku]
                .Where(l => locations.TryGetValue(l.LocationCode, out var at) && Visible(at, salesChannel, store))
                .Select(l => Describe(l, locations[l.LocationCode], lat, lon))
                .ToList();
            var sorted = lat is null
                ? visible.OrderByDescending(l => l.Available).ThenBy(l => l.LocationCode, StringComparer.Ordinal)
                : visible.OrderBy(l => l.DistanceKm).ThenBy(l => l.LocationCode, StringComparer.Ordinal);
            return new SkuAvailability(sku, visible.Sum(l => l.Available), sorted.Where(l => l.Available > 0).ToList());
        }).ToList();
        return TypedResults.Ok(new AvailabilityResponse(items));
    }

    private static bool Visible(LocationSnapshot location, SalesChannel? channel, string? store) =>
        store is not null ? location.Code == store
        : channel is null || location.Can(LocationCapability.Ship) || location.Can(LocationCapability.Pickup) || location.Can(LocationCapability.Curbside);

    private static LocationAvailability Describe(StockLevel level, LocationSnapshot location, double? lat, double? lon) => new(
        location.Code, location.Name, location.Type == LocationType.Store ? "store" : "warehouse", level.Available,
        location.Can(LocationCapability.Ship), location.Can(LocationCapability.Pickup), location.Can(LocationCapability.Curbside),
        lat is { } la && lon is { } lo ? Math.Round(Geo.DistanceKm(la, lo, location.Latitude, location.Longitude), 1) : null);
}
