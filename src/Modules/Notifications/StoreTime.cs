using Omni.Contracts.Locations;

namespace Omni.Notifications;

internal static class StoreTime
{
    /// <summary>The store's name and <paramref name="utc"/> in the store's own time zone, the clock the customer will look at.</summary>
    public static async Task<(string Store, DateTime Local)> LocalAsync(ILocationDirectory locations, string locationCode, DateTime utc, CancellationToken ct)
    {
        if (!(await locations.AllAsync(ct)).TryGetValue(locationCode, out var location)) return (locationCode, utc);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(location.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        return (location.Name, TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));
    }
}
