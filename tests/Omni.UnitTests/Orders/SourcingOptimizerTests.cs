using Omni.Contracts;
using Omni.Contracts.Inventory;
using Omni.Contracts.Locations;
using Omni.Contracts.Orders;
using Omni.Orders.Sourcing;

namespace Omni.UnitTests.Orders;

public sealed class SourcingOptimizerTests
{
    private static readonly (double, double) LyonCustomer = (45.7578, 4.8320);

    private static readonly LocationSnapshot LyonStore = Location("STORE-LYON", LocationType.Store, 45.7640, 4.8357, LocationCapability.Ship, LocationCapability.Pickup, LocationCapability.ShipToStore);
    private static readonly LocationSnapshot GrenobleStore = Location("STORE-GRENOBLE", LocationType.Store, 45.1885, 5.7245, LocationCapability.Ship, LocationCapability.Pickup);
    private static readonly LocationSnapshot LyonWarehouse = Location("WH-LYON", LocationType.Warehouse, 45.6960, 4.9440, LocationCapability.Ship);
    private static readonly LocationSnapshot ParisWarehouse = Location("WH-PARIS", LocationType.Warehouse, 48.8566, 2.3522, LocationCapability.Ship);

    private static readonly SourcingRules Rules = SourcingRules.Default with { LowCoverPenaltyPerUnit = 0 };

    [Fact]
    public void A_line_ships_whole_from_the_cheapest_location_and_the_others_are_explained_as_costlier()
    {
        var result = Plan([Ship(0, "A", 2)], [Level(LyonWarehouse, "A", 10), Level(ParisWarehouse, "A", 10), Level(GrenobleStore, "A", 0)]);

        Assert.Equal([new SourcedAllocation(0, LyonWarehouse.Code, 2)], result.Plan.Allocations);
        var candidates = result.Explanation.Lines[0].Candidates.ToDictionary(c => c.LocationCode);
        Assert.Equal(CandidateVerdict.Chosen, candidates[LyonWarehouse.Code].Verdict);
        Assert.Equal(CandidateVerdict.Costlier, candidates[ParisWarehouse.Code].Verdict);
        Assert.Equal(CandidateVerdict.NoStock, candidates[GrenobleStore.Code].Verdict);
        Assert.True(candidates[ParisWarehouse.Code].DistanceKm > candidates[LyonWarehouse.Code].DistanceKm);
        Assert.True(result.Explanation.Exact);
        Assert.Equal(0, result.Explanation.Splits);
    }

    [Fact]
    public void Online_orders_leave_a_stores_last_units_on_the_shelf_and_store_orders_do_not()
    {
        var stock = new[] { Level(LyonStore, "A", 3) };
        var rules = Rules with { StoreBufferUnits = 2 };

        var online = SourcingOptimizer.Plan([Ship(0, "A", 2)], Input(stock, rules, SalesChannel.Web));
        var inStore = SourcingOptimizer.Plan([Ship(0, "A", 2)], Input(stock, rules, SalesChannel.Store));
        var oneUnit = SourcingOptimizer.Plan([Ship(0, "A", 1)], Input(stock, rules, SalesChannel.Web));

        Assert.False(online.Plan.Complete);
        Assert.Equal(["A"], online.Plan.ShortSkus);
        Assert.Equal(CandidateVerdict.Buffer, online.Explanation.Lines[0].Candidates.Single().Verdict);
        Assert.True(inStore.Plan.Complete);
        Assert.True(oneUnit.Plan.Complete);
    }

    [Fact]
    public void A_location_whose_daily_capacity_is_used_up_takes_no_more_orders()
    {
        var stock = new[] { Level(LyonWarehouse, "A", 10), Level(ParisWarehouse, "A", 10) };
        var full = new Dictionary<string, int> { [LyonWarehouse.Code] = LyonWarehouse.DailyOrderCapacity };

        var result = SourcingOptimizer.Plan([Ship(0, "A", 1)], Input(stock) with { OrdersToday = full });

        Assert.Equal(ParisWarehouse.Code, result.Plan.Allocations.Single().LocationCode);
        Assert.Equal(CandidateVerdict.Capacity, result.Explanation.Lines[0].Candidates.Single(c => c.LocationCode == LyonWarehouse.Code).Verdict);
    }

    [Fact]
    public void The_split_limit_refuses_a_plan_that_needs_more_parcels()
    {
        var stock = new[] { Level(LyonWarehouse, "A", 2), Level(ParisWarehouse, "A", 2) };

        var split = SourcingOptimizer.Plan([Ship(0, "A", 3)], Input(stock, Rules with { MaxSplits = 1 }));
        var noSplit = SourcingOptimizer.Plan([Ship(0, "A", 3)], Input(stock, Rules with { MaxSplits = 0 }));

        Assert.True(split.Plan.Complete);
        Assert.Equal(1, split.Explanation.Splits);
        Assert.Equal(3, split.Plan.Allocations.Sum(a => a.Quantity));
        Assert.False(noSplit.Plan.Complete);
        Assert.Equal(["A"], noSplit.Plan.ShortSkus);
    }

    [Fact]
    public void Two_lines_go_together_when_the_split_penalty_outweighs_the_cheaper_parcels()
    {
        var stock = new[] { Level(LyonStore, "A", 5), Level(GrenobleStore, "B", 5), Level(ParisWarehouse, "A", 5), Level(ParisWarehouse, "B", 5) };
        var dearKilometres = Rules with { CostPerKm = new(0.05, 0.05) };

        var together = SourcingOptimizer.Plan([Ship(0, "A", 1), Ship(1, "B", 1)], Input(stock, dearKilometres with { SplitPenalty = 50 }));
        var apart = SourcingOptimizer.Plan([Ship(0, "A", 1), Ship(1, "B", 1)], Input(stock, dearKilometres with { SplitPenalty = 0 }));

        Assert.All(together.Plan.Allocations, a => Assert.Equal(ParisWarehouse.Code, a.LocationCode));
        Assert.Equal(0, together.Explanation.Splits);
        Assert.Equal([LyonStore.Code, GrenobleStore.Code], apart.Plan.Allocations.Select(a => a.LocationCode));
        Assert.Equal(1, apart.Explanation.Splits);
    }

    [Fact]
    public void Channel_rules_keep_locations_off_the_lines_they_may_not_serve()
    {
        var stock = new[] { Level(LyonStore, "A", 5), Level(ParisWarehouse, "A", 5) };
        var warehousesOnlyForMarketplaces = Rules with
        {
            CostPerKm = new(0.05, 0.05),
            Eligibility = [new([SalesChannel.Marketplace], null, [LocationType.Warehouse], null), new([SalesChannel.Web, SalesChannel.App], null, null, null)],
        };

        var marketplace = SourcingOptimizer.Plan([Ship(0, "A", 1)], Input(stock, warehousesOnlyForMarketplaces, SalesChannel.Marketplace));
        var web = SourcingOptimizer.Plan([Ship(0, "A", 1)], Input(stock, warehousesOnlyForMarketplaces, SalesChannel.Web));
        var social = SourcingOptimizer.Plan([Ship(0, "A", 1)], Input(stock, warehousesOnlyForMarketplaces, SalesChannel.Social));

        Assert.Equal(ParisWarehouse.Code, marketplace.Plan.Allocations.Single().LocationCode);
        Assert.Equal(CandidateVerdict.NotAllowed, marketplace.Explanation.Lines[0].Candidates.Single(c => c.LocationCode == LyonStore.Code).Verdict);
        Assert.Equal(LyonStore.Code, web.Plan.Allocations.Single().LocationCode);
        Assert.False(social.Plan.Complete);
    }

    [Fact]
    public void A_pickup_line_stays_at_its_store_and_a_ship_to_store_line_is_costed_to_the_store()
    {
        var stock = new[] { Level(LyonStore, "A", 1), Level(LyonWarehouse, "A", 10), Level(ParisWarehouse, "B", 10), Level(LyonWarehouse, "B", 10) };

        var result = SourcingOptimizer.Plan(
            [new SourcingLine(0, "A", 1, FulfillmentMethod.Pickup, LyonStore.Code), new SourcingLine(1, "B", 2, FulfillmentMethod.ShipToStore, LyonStore.Code)],
            Input(stock));

        Assert.Equal(new SourcedAllocation(0, LyonStore.Code, 1), result.Plan.Allocations[0]);
        Assert.Equal(new SourcedAllocation(1, LyonWarehouse.Code, 2), result.Plan.Allocations[1]);
        Assert.Equal(LyonStore.Code, result.Explanation.Lines[1].Destination);
        var toStore = result.Explanation.Lines[1].Candidates.Single(c => c.Verdict == CandidateVerdict.Chosen).DistanceKm!.Value;
        Assert.Equal(Geo.DistanceKm(LyonStore.Latitude, LyonStore.Longitude, LyonWarehouse.Latitude, LyonWarehouse.Longitude), toStore, 3);
    }

    [Fact]
    public void Among_equal_locations_the_one_with_more_days_of_cover_serves()
    {
        var twin = LyonWarehouse with { Code = "WH-LYON-2" };
        var stock = new[] { Level(LyonWarehouse, "A", 10), Level(twin, "A", 10) };
        var sales = new Dictionary<(string, string), double> { [(LyonWarehouse.Code, "A")] = 5 };

        var result = SourcingOptimizer.Plan([Ship(0, "A", 1)], Input(stock, SourcingRules.Default, locations: [LyonWarehouse, twin]) with { DailySales = sales });

        Assert.Equal(twin.Code, result.Plan.Allocations.Single().LocationCode);
        Assert.Equal(2, result.Explanation.Lines[0].Candidates.Single(c => c.LocationCode == LyonWarehouse.Code).DaysOfCover);
    }

    [Fact]
    public void Re_sourcing_plans_the_missing_units_away_from_the_excluded_location()
    {
        var stock = new[] { Level(LyonWarehouse, "A", 10), Level(ParisWarehouse, "A", 10) };

        var result = SourcingOptimizer.PlanMissing([Ship(0, "A", 2)], Input(stock), new HashSet<string>(StringComparer.OrdinalIgnoreCase) { LyonWarehouse.Code });

        Assert.Equal([new SourcedAllocation(0, ParisWarehouse.Code, 2)], result.Plan.Allocations);
        Assert.Equal(CandidateVerdict.Excluded, result.Explanation.Lines[0].Candidates.Single(c => c.LocationCode == LyonWarehouse.Code).Verdict);
    }

    [Fact]
    public void Re_sourcing_a_pickup_away_from_its_own_store_finds_nothing_for_no_other_store_can_hand_it_over()
    {
        var stock = new[] { Level(LyonStore, "A", 10), Level(GrenobleStore, "A", 10) };

        var result = SourcingOptimizer.PlanMissing([new SourcingLine(0, "A", 2, FulfillmentMethod.Pickup, LyonStore.Code)], Input(stock),
            new HashSet<string>(StringComparer.OrdinalIgnoreCase) { LyonStore.Code });

        Assert.Equal(["A"], result.Plan.ShortSkus);
        Assert.Empty(result.Plan.Allocations);
        Assert.Equal(CandidateVerdict.Excluded, result.Explanation.Lines[0].Candidates.Single().Verdict);
    }

    [Fact]
    public void Out_of_budget_the_search_still_answers_with_a_complete_plan_it_does_not_call_exact()
    {
        var locations = Enumerable.Range(0, 30).Select(i => Location($"S{i:D2}", LocationType.Store, 45 + i * 0.05, 4.8, LocationCapability.Ship)).ToList();
        var stock = locations.SelectMany(l => new[] { Level(l, "A", 1), Level(l, "B", 1) }).ToList();

        var result = SourcingOptimizer.Plan([Ship(0, "A", 3), Ship(1, "B", 3)], Input(stock, Rules with { MaxSplits = 10, SplitPenalty = 0 }, locations: locations), nodeBudget: 2);

        Assert.True(result.Plan.Complete);
        Assert.False(result.Explanation.Exact);
        Assert.Equal(6, result.Plan.Allocations.Sum(a => a.Quantity));
    }

    private static SourcingResult Plan(SourcingLine[] lines, StockLevel[] stock) => SourcingOptimizer.Plan(lines, Input(stock));

    private static SourcingInput Input(IReadOnlyList<StockLevel> stock, SourcingRules? rules = null, SalesChannel channel = SalesChannel.Web,
        IReadOnlyList<LocationSnapshot>? locations = null) =>
        new(channel, LyonCustomer, (locations ?? [LyonStore, GrenobleStore, LyonWarehouse, ParisWarehouse]).ToDictionary(l => l.Code, StringComparer.OrdinalIgnoreCase),
            stock, SourcingInput.NoOrders, SourcingInput.NoSales, rules ?? Rules, 7);

    private static SourcingLine Ship(int index, string sku, int quantity) => new(index, sku, quantity, FulfillmentMethod.Ship, null);

    private static StockLevel Level(LocationSnapshot location, string sku, int onHand) => new(location.Code, sku, onHand, 0, 0);

    private static LocationSnapshot Location(string code, LocationType type, double lat, double lon, params LocationCapability[] capabilities) =>
        new(code, code, type, lat, lon, "Europe/Paris", "FR", capabilities.ToHashSet(), 100);
}
