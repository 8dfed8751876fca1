using Omni.Contracts.Locations;

namespace Omni.Orders.Sourcing;

/// <summary>
/// Dates and times for the promise, from a location's opening hours in its own time zone: when a parcel leaves, when it
/// arrives, when a pickup can be ready. A location without opening hours (a warehouse) works around the clock, every day.
/// </summary>
internal static class PromiseCalendar
{
    private const int Horizon = 14;

    /// <summary>The local day a parcel leaves: today when the order comes before the cut-off on a working day, else the next working day.</summary>
    public static DateOnly ShipsOn(LocationSnapshot location, DateTime nowUtc, TimeSpan cutoff)
    {
        var local = Local(location, nowUtc);
        var day = DateOnly.FromDateTime(local);
        if (local.TimeOfDay < cutoff && Works(location, day)) return day;
        for (var i = 1; i <= Horizon; i++)
            if (Works(location, day.AddDays(i))) return day.AddDays(i);
        return day.AddDays(1);
    }

    /// <summary>The day a parcel arrives: a base number of days plus one per started distance step.</summary>
    public static DateOnly Arrives(DateOnly shipped, double? km, PromiseRules rules) =>
        shipped.AddDays(rules.TransitBaseDays + (int)Math.Floor((km ?? 0) / rules.TransitKmPerDay));

    /// <summary>
    /// The first moment, not before <paramref name="fromUtc"/>, when the store has been open for the pick time within one
    /// opening period; null when that does not happen within two weeks.
    /// </summary>
    public static DateTime? ReadyAt(LocationSnapshot store, DateTime fromUtc, TimeSpan pick)
    {
        var zone = Zone(store);
        var local = TimeZoneInfo.ConvertTimeFromUtc(fromUtc, zone);
        if (store.OpeningHours is not { Count: > 0 } hours) return fromUtc + pick;
        for (var i = 0; i <= Horizon; i++)
        {
            var date = local.Date.AddDays(i);
            foreach (var period in hours.Where(h => h.Day == date.DayOfWeek).OrderBy(h => h.Opens))
            {
                var start = date + period.Opens > local ? date + period.Opens : local;
                if (start + pick <= date + period.Closes) return ToUtc(start + pick, zone);
            }
        }
        return null;
    }

    /// <summary>The start of a local day as UTC.</summary>
    public static DateTime StartOf(LocationSnapshot location, DateOnly day) =>
        ToUtc(day.ToDateTime(TimeOnly.MinValue), Zone(location));

    // A local time skipped by a daylight-saving jump does not exist: the clock reads an hour later then.
    private static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(zone.IsInvalidTime(unspecified) ? unspecified.AddHours(1) : unspecified, zone);
    }

    private static bool Works(LocationSnapshot location, DateOnly day) =>
        location.OpeningHours is not { Count: > 0 } hours || hours.Any(h => h.Day == day.DayOfWeek);

    private static DateTime Local(LocationSnapshot location, DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, Zone(location));

    // Locations are validated to carry an IANA zone; one unknown to this machine is read as UTC rather than failing a promise.
    private static TimeZoneInfo Zone(LocationSnapshot location) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(location.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}
