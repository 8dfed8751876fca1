using System.Globalization;
using Omni.Common.Validation;
using Omni.Contracts;
using Omni.Contracts.Locations;
using Omni.Contracts.Orders;

namespace Omni.Orders.Sourcing;

/// <summary>A cost or rate that differs between stores and warehouses.</summary>
internal sealed record PerLocationType(double Store, double Warehouse)
{
    internal double For(LocationType type) => type == LocationType.Store ? Store : Warehouse;
}

/// <summary>
/// Which locations may serve which shipped lines: a rule matches when each of its non-empty lists contains the line's
/// channel, method, the location's type and the location's code. With no rules at all, every ship-capable location may serve.
/// </summary>
internal sealed record EligibilityRule(List<SalesChannel>? Channels, List<FulfillmentMethod>? Methods, List<LocationType>? LocationTypes, List<string>? Locations);

/// <summary>
/// What the promise endpoint needs to turn a sourcing plan into dates: a location ships the same day when the order
/// comes before <see cref="ShipCutoff"/> (its local time), parcels travel <see cref="TransitBaseDays"/> plus one day per
/// <see cref="TransitKmPerDay"/>, and a store needs <see cref="PickMinutes"/> of opening time to get a pickup ready.
/// </summary>
internal sealed record PromiseRules(string ShipCutoff, int PickMinutes, int TransitBaseDays, double TransitKmPerDay, double PickupRadiusKm, int PickupStores);

/// <summary>
/// A sourcing rule set: data, versioned, edited through the API. Costs are in major units of any currency (they are
/// weights, not prices): a shipment costs <see cref="ShipmentCost"/> plus <see cref="CostPerKm"/> per kilometre, each
/// shipment beyond one per destination costs <see cref="SplitPenalty"/>, each unit costs <see cref="PickCostPerUnit"/>
/// and, where the location's days of cover fall below <see cref="TargetCoverDays"/>, up to <see cref="LowCoverPenaltyPerUnit"/>.
/// </summary>
internal sealed record SourcingRules(
    PerLocationType ShipmentCost,
    PerLocationType CostPerKm,
    double SplitPenalty,
    PerLocationType PickCostPerUnit,
    double LowCoverPenaltyPerUnit,
    double TargetCoverDays,
    int SalesWindowDays,
    int MaxSplits,
    int StoreBufferUnits,
    List<EligibilityRule> Eligibility,
    List<string> ExcludedLocations,
    PromiseRules Promise)
{
    /// <summary>The rule set in force before anyone edits one (version 0): parcel economics of a mid-size European retailer.</summary>
    public static readonly SourcingRules Default = new(
        ShipmentCost: new(Store: 6.50, Warehouse: 4.50),
        CostPerKm: new(Store: 0.004, Warehouse: 0.004),
        SplitPenalty: 3.00,
        PickCostPerUnit: new(Store: 1.20, Warehouse: 0.40),
        LowCoverPenaltyPerUnit: 1.00,
        TargetCoverDays: 14,
        SalesWindowDays: 28,
        MaxSplits: 3,
        StoreBufferUnits: 0,
        Eligibility: [],
        ExcludedLocations: [],
        Promise: new("14:00", PickMinutes: 120, TransitBaseDays: 1, TransitKmPerDay: 500, PickupRadiusKm: 50, PickupStores: 5));

    private const double MaxCost = 1_000_000;

    /// <summary>Cut-off as a time of day; valid once <see cref="Validate"/> passed.</summary>
    internal TimeSpan ShipCutoff => TimeSpan.ParseExact(Promise.ShipCutoff, @"hh\:mm", CultureInfo.InvariantCulture);

    /// <summary>May <paramref name="location"/> serve a shipped line of this channel and method?</summary>
    internal bool Allows(SalesChannel channel, FulfillmentMethod method, LocationSnapshot location) =>
        !ExcludedLocations.Contains(location.Code, StringComparer.OrdinalIgnoreCase)
        && (Eligibility.Count == 0 || Eligibility.Any(r =>
            (r.Channels is not { Count: > 0 } || r.Channels.Contains(channel))
            && (r.Methods is not { Count: > 0 } || r.Methods.Contains(method))
            && (r.LocationTypes is not { Count: > 0 } || r.LocationTypes.Contains(location.Type))
            && (r.Locations is not { Count: > 0 } || r.Locations.Contains(location.Code, StringComparer.OrdinalIgnoreCase))));

    /// <summary>Per-field errors for a proposed rule set, under <paramref name="prefix"/>.</summary>
    internal static void Validate(Validator v, SourcingRules? rules, string prefix = "")
    {
        if (rules is null) { v.Add(prefix.TrimEnd('.') is { Length: > 0 } p ? p : "body", "is required."); return; }
        PerType(v, $"{prefix}shipmentCost", rules.ShipmentCost);
        PerType(v, $"{prefix}costPerKm", rules.CostPerKm);
        PerType(v, $"{prefix}pickCostPerUnit", rules.PickCostPerUnit);
        v.Range($"{prefix}splitPenalty", rules.SplitPenalty, 0, MaxCost);
        v.Range($"{prefix}lowCoverPenaltyPerUnit", rules.LowCoverPenaltyPerUnit, 0, MaxCost);
        v.Range($"{prefix}targetCoverDays", rules.TargetCoverDays, 0, 365);
        v.Range($"{prefix}salesWindowDays", rules.SalesWindowDays, 1, 365);
        v.Range($"{prefix}maxSplits", rules.MaxSplits, 0, 10);
        v.Range($"{prefix}storeBufferUnits", rules.StoreBufferUnits, 0, 1000);
        if (rules.Eligibility is null) v.Add($"{prefix}eligibility", "is required (an empty list allows every location).");
        else if (rules.Eligibility.Count > 100) v.Add($"{prefix}eligibility", "must have at most 100 rules.");
        else
            for (var i = 0; i < rules.Eligibility.Count; i++)
            {
                var rule = rules.Eligibility[i];
                if (rule is null) { v.Add($"{prefix}eligibility[{i}]", "is required."); continue; }
                if (rule.Channels?.Any(c => !Enum.IsDefined(c)) == true) v.Add($"{prefix}eligibility[{i}].channels", "holds an unknown channel.");
                if (rule.Methods?.Any(m => m is not (FulfillmentMethod.Ship or FulfillmentMethod.ShipToStore)) == true)
                    v.Add($"{prefix}eligibility[{i}].methods", "may hold only ship and shipToStore: the other methods are served by the store the customer chose.");
                if (rule.LocationTypes?.Any(t => !Enum.IsDefined(t)) == true) v.Add($"{prefix}eligibility[{i}].locationTypes", "holds an unknown location type.");
                Codes(v, $"{prefix}eligibility[{i}].locations", rule.Locations);
            }
        if (rules.ExcludedLocations is null) v.Add($"{prefix}excludedLocations", "is required (may be empty).");
        else Codes(v, $"{prefix}excludedLocations", rules.ExcludedLocations);
        if (rules.Promise is not { } promise) { v.Add($"{prefix}promise", "is required."); return; }
        if (promise.ShipCutoff is null || !TimeSpan.TryParseExact(promise.ShipCutoff, @"hh\:mm", CultureInfo.InvariantCulture, out var cutoff) || cutoff >= TimeSpan.FromDays(1))
            v.Add($"{prefix}promise.shipCutoff", "must be a time HH:mm.");
        v.Range($"{prefix}promise.pickMinutes", promise.PickMinutes, 0, 24 * 60);
        v.Range($"{prefix}promise.transitBaseDays", promise.TransitBaseDays, 0, 30);
        v.Range($"{prefix}promise.transitKmPerDay", promise.TransitKmPerDay, 1, 100_000);
        v.Range($"{prefix}promise.pickupRadiusKm", promise.PickupRadiusKm, 0, 20_000);
        v.Range($"{prefix}promise.pickupStores", promise.PickupStores, 1, 50);
    }

    private static void PerType(Validator v, string field, PerLocationType? value)
    {
        if (value is null) { v.Add(field, "is required: {\"store\": …, \"warehouse\": …}."); return; }
        v.Range($"{field}.store", value.Store, 0, MaxCost);
        v.Range($"{field}.warehouse", value.Warehouse, 0, MaxCost);
    }

    private static void Codes(Validator v, string field, List<string>? codes)
    {
        if (codes is null) return;
        if (codes.Count > 1000) { v.Add(field, "must have at most 1000 codes."); return; }
        for (var i = 0; i < codes.Count; i++) v.Code($"{field}[{i}]", codes[i]);
    }
}
