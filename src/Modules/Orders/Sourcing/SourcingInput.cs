using Omni.Contracts;
using Omni.Contracts.Inventory;
using Omni.Contracts.Locations;

namespace Omni.Orders.Sourcing;

/// <summary>
/// Everything sourcing looks at besides the lines, read once per order and then used by a pure function.
/// </summary>
/// <param name="Channel">The order's channel: online channels keep off a store's last <see cref="SourcingRules.StoreBufferUnits"/>.</param>
/// <param name="Destination">Where shipped lines go; null when nothing ships to an address.</param>
/// <param name="Locations">The network.</param>
/// <param name="Stock">Positions of the order's SKUs.</param>
/// <param name="OrdersToday">Orders each location already took on today (its daily capacity is the limit).</param>
/// <param name="DailySales">Units per day each location sold of a SKU recently (for days of cover); missing means none.</param>
/// <param name="Rules">The rule set.</param>
/// <param name="RulesVersion">Its version, for the explanation.</param>
/// <param name="Excluded">Locations not to use at all (re-sourcing after a short pick).</param>
internal sealed record SourcingInput(
    SalesChannel Channel,
    (double Lat, double Lon)? Destination,
    IReadOnlyDictionary<string, LocationSnapshot> Locations,
    IReadOnlyList<StockLevel> Stock,
    IReadOnlyDictionary<string, int> OrdersToday,
    IReadOnlyDictionary<(string Location, string Sku), double> DailySales,
    SourcingRules Rules,
    int RulesVersion,
    IReadOnlySet<string>? Excluded = null)
{
    public static readonly IReadOnlyDictionary<string, int> NoOrders = new Dictionary<string, int>();
    public static readonly IReadOnlyDictionary<(string, string), double> NoSales = new Dictionary<(string, string), double>();

    /// <summary>Daily capacity left at a location for this order.</summary>
    public int CapacityLeft(LocationSnapshot location) => location.DailyOrderCapacity - OrdersToday.GetValueOrDefault(location.Code);

    /// <summary>Days the location's stock of the SKU lasts at its recent rate of sale; infinite when it did not sell.</summary>
    public double DaysOfCover(string location, string sku, int onHand)
    {
        var rate = DailySales.GetValueOrDefault((location, sku));
        return rate <= 0 ? double.PositiveInfinity : Math.Max(0, onHand) / rate;
    }
}
