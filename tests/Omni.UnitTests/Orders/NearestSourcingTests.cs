using Omni.Contracts.Inventory;
using Omni.Contracts.Locations;
using Omni.Contracts.Orders;
using Omni.Orders.Sourcing;

namespace Omni.UnitTests.Orders;

public sealed class NearestSourcingTests
{
    private const string Sku = "TEE-M";
    private static readonly (double, double) LyonCustomer = (45.7578, 4.8320);

    private static readonly LocationSnapshot LyonStore = Location("STORE-LYON", LocationType.Store, 45.7640, 4.8357, LocationCapability.Ship, LocationCapability.Pickup);
    private static readonly LocationSnapshot MarseilleWarehouse = Location("WH-MARSEILLE", LocationType.Warehouse, 43.2965, 5.3698, LocationCapability.Ship);
    private static readonly LocationSnapshot ParisWarehouse = Location("WH-PARIS", LocationType.Warehouse, 48.8566, 2.3522, LocationCapability.Ship);
    private static readonly LocationSnapshot ParisPickupOnly = Location("STORE-PARIS", LocationType.Store, 48.8700, 2.3300, LocationCapability.Pickup);

    [Fact]
    public void A_pickup_line_is_served_by_its_store_and_nowhere_else()
    {
        var stock = new[] { Level(LyonStore, 5), Level(ParisWarehouse, 100) };

        var served = Plan([Pickup(0, 2, LyonStore)], stock, LyonCustomer);
        var tooMany = Plan([Pickup(0, 6, LyonStore)], stock, LyonCustomer);

        Assert.Equal([new SourcedAllocation(0, LyonStore.Code, 2)], served.Allocations);
        Assert.True(served.Complete);
        Assert.Empty(tooMany.Allocations);
        Assert.Equal([Sku], tooMany.ShortSkus);
    }

    [Fact]
    public void A_shipped_line_goes_whole_to_the_nearest_location_that_has_all_of_it()
    {
        var stock = new[] { Level(LyonStore, 3), Level(MarseilleWarehouse, 10), Level(ParisWarehouse, 10) };

        Assert.Equal([new SourcedAllocation(0, LyonStore.Code, 2)], Plan([Ship(0, 2)], stock, LyonCustomer).Allocations);
        Assert.Equal([new SourcedAllocation(0, MarseilleWarehouse.Code, 5)], Plan([Ship(0, 5)], stock, LyonCustomer).Allocations);
    }

    [Fact]
    public void A_shipped_line_no_location_can_send_whole_is_split_nearest_first()
    {
        var stock = new[] { Level(LyonStore, 3), Level(MarseilleWarehouse, 2), Level(ParisWarehouse, 4) };

        var plan = Plan([Ship(0, 8)], stock, LyonCustomer);

        Assert.Equal(
            [new SourcedAllocation(0, LyonStore.Code, 3), new SourcedAllocation(0, MarseilleWarehouse.Code, 2), new SourcedAllocation(0, ParisWarehouse.Code, 3)],
            plan.Allocations);
    }

    [Fact]
    public void A_line_the_network_cannot_cover_is_short_and_its_SKU_is_named_once()
    {
        var stock = new[] { Level(LyonStore, 3), Level(ParisWarehouse, 4) };

        var plan = Plan([Ship(0, 8), Ship(1, 9), new SourcingLine(2, "MUG", 1, FulfillmentMethod.Ship, null)], stock, LyonCustomer);

        Assert.False(plan.Complete);
        Assert.Equal([Sku, "MUG"], plan.ShortSkus);
        Assert.Empty(plan.Allocations);
    }

    [Fact]
    public void Two_pickup_lines_of_the_same_SKU_never_count_a_unit_twice()
    {
        var plan = Plan([Pickup(0, 2, LyonStore), Pickup(1, 2, LyonStore)], [Level(LyonStore, 3)], LyonCustomer);

        Assert.Equal([new SourcedAllocation(0, LyonStore.Code, 2)], plan.Allocations);
        Assert.Equal([Sku], plan.ShortSkus);
    }

    [Fact]
    public void A_pickup_and_a_shipped_line_of_the_same_SKU_share_one_picture_of_stock()
    {
        var plan = Plan([Pickup(0, 2, LyonStore), Ship(1, 3)], [Level(LyonStore, 3), Level(ParisWarehouse, 2)], LyonCustomer);

        Assert.True(plan.Complete);
        Assert.Equal(
            [new SourcedAllocation(0, LyonStore.Code, 2), new SourcedAllocation(1, LyonStore.Code, 1), new SourcedAllocation(1, ParisWarehouse.Code, 2)],
            plan.Allocations);
        Assert.Equal(3, plan.Allocations.Where(a => a.LocationCode == LyonStore.Code).Sum(a => a.Quantity));
    }

    [Fact]
    public void Without_a_destination_warehouses_ship_first_and_the_deepest_stock_leads()
    {
        var stock = new[] { Level(LyonStore, 50), Level(MarseilleWarehouse, 5), Level(ParisWarehouse, 8) };

        Assert.Equal([new SourcedAllocation(0, ParisWarehouse.Code, 4)], Plan([Ship(0, 4)], stock, null).Allocations);
        Assert.Equal([new SourcedAllocation(0, MarseilleWarehouse.Code, 5)], Plan([Ship(0, 5)], [Level(LyonStore, 50), Level(MarseilleWarehouse, 5)], null).Allocations);
        Assert.Equal([new SourcedAllocation(0, LyonStore.Code, 20)], Plan([Ship(0, 20)], stock, null).Allocations);
    }

    [Fact]
    public void A_location_that_cannot_ship_is_never_used_for_a_shipped_line()
    {
        var plan = Plan([Ship(0, 2)], [Level(ParisPickupOnly, 100), Level(ParisWarehouse, 1)], LyonCustomer);

        Assert.Equal([Sku], plan.ShortSkus);
    }

    [Fact]
    public void Reserved_units_and_safety_stock_are_never_sourced()
    {
        var stock = new[] { new StockLevel(LyonStore.Code, Sku, OnHand: 5, Reserved: 2, SafetyStock: 2) };

        Assert.True(Plan([Pickup(0, 1, LyonStore)], stock, LyonCustomer).Complete);
        Assert.False(Plan([Pickup(0, 2, LyonStore)], stock, LyonCustomer).Complete);
    }

    [Fact]
    public void A_ship_to_store_line_is_sourced_nearest_to_the_store_not_to_the_customer()
    {
        var stock = new[] { Level(LyonStore, 10), Level(ParisWarehouse, 10) };
        var toParis = new SourcingLine(0, Sku, 2, FulfillmentMethod.ShipToStore, ParisPickupOnly.Code);

        Assert.Equal([new SourcedAllocation(0, ParisWarehouse.Code, 2)], Plan([toParis], stock, LyonCustomer).Allocations);
    }

    private static SourcingPlan Plan(SourcingLine[] lines, StockLevel[] stock, (double Lat, double Lon)? destination) =>
        NearestSourcing.Plan(lines, stock,
            new[] { LyonStore, MarseilleWarehouse, ParisWarehouse, ParisPickupOnly }.ToDictionary(l => l.Code), destination);

    private static SourcingLine Ship(int index, int quantity) => new(index, Sku, quantity, FulfillmentMethod.Ship, null);

    private static SourcingLine Pickup(int index, int quantity, LocationSnapshot store) => new(index, Sku, quantity, FulfillmentMethod.Pickup, store.Code);

    private static StockLevel Level(LocationSnapshot location, int onHand) => new(location.Code, Sku, onHand, 0, 0);

    private static LocationSnapshot Location(string code, LocationType type, double lat, double lon, params LocationCapability[] capabilities) =>
        new(code, code, type, lat, lon, "Europe/Paris", "FR", capabilities.ToHashSet(), 100);
}
