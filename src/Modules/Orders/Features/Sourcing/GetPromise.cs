using Omni.Common.Validation;
using Omni.Contracts;
using Omni.Contracts.Inventory;
using Omni.Contracts.Locations;
using Omni.Contracts.Orders;
using Omni.Orders.Data;
using Omni.Orders.Sourcing;

namespace Omni.Orders.Features.Sourcing;

internal sealed record PromisedShipment(string LocationCode, DateOnly ShipsOn, double? DistanceKm);

internal sealed record DeliveryPromise(DateOnly? Date, List<PromisedShipment> Shipments, List<string> UnavailableSkus);

internal sealed record PickupPromise(string LocationCode, string Name, double DistanceKm, DateTime? ReadyAt, string? Source);

internal sealed record Promise(DateTime At, int RuleSetVersion, DeliveryPromise Delivery, List<PickupPromise> Pickup);

/// <summary>
/// When one of each SKU can reach a customer at a point: the earliest delivery date (sourced as an order would be, each
/// parcel leaving on its location's next working day before the cut-off and travelling by distance) and, at the nearest
/// pickup stores, when it can be ready: from the store's own shelf, or shipped to the store, plus the pick time within its
/// opening hours. A promise reserves nothing.
/// </summary>
internal static class GetPromise
{
    private const int MaxSkus = 50;

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/promise", Handle).WithTags("Sourcing").WithName(nameof(GetPromise))
            .WithSummary("Earliest delivery date to a point and pickup-ready times at nearby stores for one of each SKU.");

    internal static async Task<IResult> Handle(string? skus, double? lat, double? lon, SourcingSignals signals, ILocationDirectory directory,
        IStockLevels stock, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validator();
        var wanted = (skus ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0) v.Add("skus", "is required: a comma-separated list of SKUs.");
        else if (wanted.Count > MaxSkus) v.Add("skus", $"must list at most {MaxSkus} SKUs.");
        else for (var i = 0; i < wanted.Count; i++) v.Code("skus", wanted[i]);
        if (v.Required("lat", lat)) v.Range("lat", lat, -90, 90);
        if (v.Required("lon", lon)) v.Range("lon", lon, -180, 180);
        if (!v.IsValid) return v.ToProblem();

        var now = clock.GetUtcNow().UtcDateTime;
        var point = (lat!.Value, lon!.Value);
        var locations = await directory.AllAsync(ct);
        var input = (await signals.InputAsync(SalesChannel.Web, point, locations, ct)) with { Stock = await stock.RecentForSkusAsync(wanted, ct) };
        var (rules, version) = (input.Rules, input.RulesVersion);

        var shipped = SourcingOptimizer.Plan([.. wanted.Select((sku, i) => new SourcingLine(i, sku, 1, FulfillmentMethod.Ship, null))], input);
        var delivery = Delivery(shipped, locations, rules, now);

        var pickup = new List<PickupPromise>();
        var stores = locations.Values.Where(l => l.Type == LocationType.Store && l.Can(LocationCapability.Pickup))
            .Select(l => (Store: l, Km: Geo.DistanceKm(point.Item1, point.Item2, l.Latitude, l.Longitude)))
            .Where(s => s.Km <= rules.Promise.PickupRadiusKm)
            .OrderBy(s => s.Km).ThenBy(s => s.Store.Code, StringComparer.Ordinal).Take(rules.Promise.PickupStores);
        var pick = TimeSpan.FromMinutes(rules.Promise.PickMinutes);
        foreach (var (store, km) in stores)
        {
            var fromShelf = SourcingOptimizer.Plan([.. wanted.Select((sku, i) => new SourcingLine(i, sku, 1, FulfillmentMethod.Pickup, store.Code))], input);
            if (fromShelf.Plan.Complete)
            {
                pickup.Add(new PickupPromise(store.Code, store.Name, Math.Round(km, 2), PromiseCalendar.ReadyAt(store, now, pick), "store"));
                continue;
            }
            var toStore = store.Can(LocationCapability.ShipToStore)
                ? Delivery(SourcingOptimizer.Plan([.. wanted.Select((sku, i) => new SourcingLine(i, sku, 1, FulfillmentMethod.ShipToStore, store.Code))], input), locations, rules, now)
                : null;
            pickup.Add(toStore?.Date is { } arrives
                ? new PickupPromise(store.Code, store.Name, Math.Round(km, 2), PromiseCalendar.ReadyAt(store, PromiseCalendar.StartOf(store, arrives), pick), "shipToStore")
                : new PickupPromise(store.Code, store.Name, Math.Round(km, 2), null, null));
        }
        return TypedResults.Ok(new Promise(now, version, delivery, pickup));
    }

    private static DeliveryPromise Delivery(SourcingResult result, IReadOnlyDictionary<string, LocationSnapshot> locations, SourcingRules rules, DateTime now)
    {
        if (!result.Plan.Complete) return new DeliveryPromise(null, [], [.. result.Plan.ShortSkus]);
        var shipments = new List<PromisedShipment>();
        DateOnly? latest = null;
        foreach (var line in result.Explanation.Lines)
            foreach (var chosen in line.Candidates.Where(c => c.Verdict == CandidateVerdict.Chosen))
            {
                if (shipments.Any(s => s.LocationCode == chosen.LocationCode)) continue;
                var shipsOn = PromiseCalendar.ShipsOn(locations[chosen.LocationCode], now, rules.ShipCutoff);
                shipments.Add(new PromisedShipment(chosen.LocationCode, shipsOn, chosen.DistanceKm));
                var arrives = PromiseCalendar.Arrives(shipsOn, chosen.DistanceKm, rules.Promise);
                if (latest is null || arrives > latest) latest = arrives;
            }
        return new DeliveryPromise(latest, shipments, []);
    }
}
