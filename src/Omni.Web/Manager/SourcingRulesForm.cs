using System.Globalization;
using Microsoft.AspNetCore.Http;
using Omni.Common.Http;
using Omni.Contracts;
using Omni.Contracts.Locations;
using Omni.Contracts.Orders;
using Omni.Orders.Sourcing;

namespace Omni.Web.Manager;

/// <summary>
/// The sourcing rules as the console's form holds them: text as typed, so a bad value is shown back as entered. Field names are
/// the API's JSON paths (<c>shipmentCost.store</c>, <c>eligibility[0].locations</c>), so the handler's per-field errors land
/// next to the field they are about. The form only turns text into a rule set; every rule is checked by the handler.
/// </summary>
internal sealed class SourcingRulesForm
{
    /// <summary>The numbers of a rule set: JSON path, label, and whether it is a whole number.</summary>
    public static readonly (string Field, string Label, bool Whole)[] Numbers =
    [
        ("shipmentCost.store", "Shipment cost, store", false), ("shipmentCost.warehouse", "Shipment cost, warehouse", false),
        ("costPerKm.store", "Cost per km, store", false), ("costPerKm.warehouse", "Cost per km, warehouse", false),
        ("pickCostPerUnit.store", "Pick cost per unit, store", false), ("pickCostPerUnit.warehouse", "Pick cost per unit, warehouse", false),
        ("splitPenalty", "Split penalty", false), ("maxSplits", "Max splits", true), ("storeBufferUnits", "Store buffer (units)", true),
        ("lowCoverPenaltyPerUnit", "Low-cover penalty per unit", false), ("targetCoverDays", "Target days of cover", false),
        ("salesWindowDays", "Sales window (days)", true),
        ("promise.pickMinutes", "Pick time (minutes)", true), ("promise.transitBaseDays", "Transit base days", true),
        ("promise.transitKmPerDay", "Transit km per day", false), ("promise.pickupRadiusKm", "Pickup radius (km)", false),
        ("promise.pickupStores", "Pickup stores shown", true),
    ];

    /// <summary>Blank eligibility rows offered below the saved ones.</summary>
    public const int SpareRows = 2;

    public static readonly FulfillmentMethod[] ShippedMethods = [FulfillmentMethod.Ship, FulfillmentMethod.ShipToStore];

    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    public string ShipCutoff { get; private set; } = "";

    public string ExcludedLocations { get; private set; } = "";

    public List<EligibilityRow> Eligibility { get; } = [];

    public static SourcingRulesForm Of(SourcingRules rules)
    {
        var form = new SourcingRulesForm { ShipCutoff = rules.Promise.ShipCutoff, ExcludedLocations = string.Join(", ", rules.ExcludedLocations) };
        double[] numbers =
        [
            rules.ShipmentCost.Store, rules.ShipmentCost.Warehouse, rules.CostPerKm.Store, rules.CostPerKm.Warehouse,
            rules.PickCostPerUnit.Store, rules.PickCostPerUnit.Warehouse, rules.SplitPenalty, rules.MaxSplits, rules.StoreBufferUnits,
            rules.LowCoverPenaltyPerUnit, rules.TargetCoverDays, rules.SalesWindowDays,
            rules.Promise.PickMinutes, rules.Promise.TransitBaseDays, rules.Promise.TransitKmPerDay, rules.Promise.PickupRadiusKm, rules.Promise.PickupStores,
        ];
        for (var i = 0; i < Numbers.Length; i++) form.Values[Numbers[i].Field] = numbers[i].ToString(CultureInfo.InvariantCulture);
        form.Eligibility.AddRange(rules.Eligibility.Select(r => new EligibilityRow(
            [.. (r.Channels ?? []).Select(Name)], [.. (r.Methods ?? []).Select(Name)], [.. (r.LocationTypes ?? []).Select(Name)], string.Join(", ", r.Locations ?? []))));
        return form.WithSpareRows();
    }

    /// <summary>The posted form, exactly as typed.</summary>
    public static SourcingRulesForm Read(IFormCollection posted)
    {
        var form = new SourcingRulesForm { ShipCutoff = posted["promise.shipCutoff"].ToString(), ExcludedLocations = posted["excludedLocations"].ToString() };
        foreach (var (field, _, _) in Numbers) form.Values[field] = posted[field].ToString();
        var rows = int.TryParse(posted["eligibilityRows"], out var n) ? Math.Clamp(n, 0, 200) : 0;
        for (var i = 0; i < rows; i++)
        {
            var row = new EligibilityRow([.. posted[$"eligibility[{i}].channels"].OfType<string>()], [.. posted[$"eligibility[{i}].methods"].OfType<string>()],
                [.. posted[$"eligibility[{i}].locationTypes"].OfType<string>()], posted[$"eligibility[{i}].locations"].ToString());
            if (!row.IsBlank) form.Eligibility.Add(row);
        }
        return form.WithSpareRows();
    }

    /// <summary>The rule set the form describes, or the fields whose text is not a number (the handler is never asked then).</summary>
    public (SourcingRules? Rules, Dictionary<string, string[]> Errors) ToRules()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var numbers = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (field, _, whole) in Numbers)
        {
            var text = Values.GetValueOrDefault(field, "").Trim();
            if (text.Length == 0) errors[field] = ["is required."];
            else if (whole && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)) numbers[field] = i;
            else if (!whole && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) numbers[field] = d;
            else errors[field] = [whole ? "must be a whole number." : "must be a number."];
        }
        var rules = Eligibility.Where(r => !r.IsBlank).Select((r, i) => Parse(r, i, errors)).ToList();
        if (errors.Count > 0) return (null, errors);

        double N(string field) => numbers[field];
        int W(string field) => (int)numbers[field];
        return (new SourcingRules(
            new(N("shipmentCost.store"), N("shipmentCost.warehouse")), new(N("costPerKm.store"), N("costPerKm.warehouse")), N("splitPenalty"),
            new(N("pickCostPerUnit.store"), N("pickCostPerUnit.warehouse")), N("lowCoverPenaltyPerUnit"), N("targetCoverDays"), W("salesWindowDays"),
            W("maxSplits"), W("storeBufferUnits"), rules, Codes(ExcludedLocations),
            new PromiseRules(ShipCutoff.Trim(), W("promise.pickMinutes"), W("promise.transitBaseDays"), N("promise.transitKmPerDay"),
                N("promise.pickupRadiusKm"), W("promise.pickupStores"))), errors);
    }

    private static EligibilityRule Parse(EligibilityRow row, int index, Dictionary<string, string[]> errors)
    {
        List<T>? Enums<T>(IReadOnlyCollection<string> names, string field) where T : struct, Enum
        {
            var parsed = new List<T>();
            foreach (var name in names)
                if (ApiEnum.TryParse<T>(name, out var value)) parsed.Add(value);
                else errors[$"eligibility[{index}].{field}"] = [$"'{name}' is not known."];
            return parsed.Count == 0 ? null : parsed;
        }
        var locations = Codes(row.Locations);
        return new EligibilityRule(Enums<SalesChannel>(row.Channels, "channels"), Enums<FulfillmentMethod>(row.Methods, "methods"),
            Enums<LocationType>(row.LocationTypes, "locationTypes"), locations.Count == 0 ? null : locations);
    }

    private static List<string> Codes(string text) =>
        [.. text.Split([',', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private SourcingRulesForm WithSpareRows()
    {
        for (var i = 0; i < SpareRows; i++) Eligibility.Add(new EligibilityRow([], [], [], ""));
        return this;
    }

    public static string Name<T>(T value) where T : struct, Enum => char.ToLowerInvariant(value.ToString()[0]) + value.ToString()[1..];
}

/// <summary>One eligibility rule as the form shows it: ticked names, and location codes as typed.</summary>
internal sealed record EligibilityRow(IReadOnlyCollection<string> Channels, IReadOnlyCollection<string> Methods, IReadOnlyCollection<string> LocationTypes, string Locations)
{
    public bool IsBlank => Channels.Count == 0 && Methods.Count == 0 && LocationTypes.Count == 0 && string.IsNullOrWhiteSpace(Locations);
}
