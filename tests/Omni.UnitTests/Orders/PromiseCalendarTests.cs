using Omni.Contracts.Locations;
using Omni.Orders.Sourcing;

namespace Omni.UnitTests.Orders;

public sealed class PromiseCalendarTests
{
    // Paris is UTC+1 in January.
    private static readonly LocationSnapshot Store = new("STORE", "Store", LocationType.Store, 48.87, 2.33, "Europe/Paris", "FR",
        new HashSet<LocationCapability> { LocationCapability.Pickup, LocationCapability.Ship }, 100, OpeningHours:
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday }
            .Select(d => new OpeningPeriod(d, TimeSpan.FromHours(9.5), TimeSpan.FromHours(19.5)))]);

    private static readonly LocationSnapshot Warehouse = new("DC", "DC", LocationType.Warehouse, 48.85, 2.78, "Europe/Paris", "FR",
        new HashSet<LocationCapability> { LocationCapability.Ship }, 5000);

    private static readonly TimeSpan TwoHours = TimeSpan.FromHours(2);

    [Fact]
    public void A_pickup_is_ready_after_the_pick_time_while_the_store_is_open()
    {
        var mondayTenLocal = new DateTime(2027, 1, 4, 9, 0, 0, DateTimeKind.Utc);

        Assert.Equal(new DateTime(2027, 1, 4, 11, 0, 0, DateTimeKind.Utc), PromiseCalendar.ReadyAt(Store, mondayTenLocal, TwoHours));
    }

    [Fact]
    public void A_pickup_that_cannot_be_picked_before_closing_is_ready_the_next_opening_day()
    {
        var saturdayEighteenLocal = new DateTime(2027, 1, 9, 17, 0, 0, DateTimeKind.Utc);

        // Sunday is closed: Monday 09:30 + 2 h local = 10:30 UTC.
        Assert.Equal(new DateTime(2027, 1, 11, 10, 30, 0, DateTimeKind.Utc), PromiseCalendar.ReadyAt(Store, saturdayEighteenLocal, TwoHours));
    }

    [Fact]
    public void A_parcel_leaves_today_before_the_cut_off_and_on_the_next_working_day_after_it()
    {
        var cutoff = TimeSpan.FromHours(14);
        var saturdayNoonLocal = new DateTime(2027, 1, 9, 11, 0, 0, DateTimeKind.Utc);
        var saturdayFifteenLocal = new DateTime(2027, 1, 9, 14, 0, 0, DateTimeKind.Utc);

        Assert.Equal(new DateOnly(2027, 1, 9), PromiseCalendar.ShipsOn(Store, saturdayNoonLocal, cutoff));
        Assert.Equal(new DateOnly(2027, 1, 11), PromiseCalendar.ShipsOn(Store, saturdayFifteenLocal, cutoff));
        Assert.Equal(new DateOnly(2027, 1, 10), PromiseCalendar.ShipsOn(Warehouse, saturdayFifteenLocal, cutoff));
    }

    [Fact]
    public void Transit_takes_the_base_days_plus_one_per_distance_step()
    {
        var rules = SourcingRules.Default.Promise;

        Assert.Equal(new DateOnly(2027, 1, 5), PromiseCalendar.Arrives(new DateOnly(2027, 1, 4), 120, rules));
        Assert.Equal(new DateOnly(2027, 1, 6), PromiseCalendar.Arrives(new DateOnly(2027, 1, 4), 650, rules));
    }
}
