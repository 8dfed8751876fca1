using System.Globalization;
using Omni.Contracts.Locations;

namespace Omni.Locations.Domain;

/// <summary>A store or warehouse. Plain data edited by its slices; the code never changes once created.</summary>
internal sealed class Location
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Code { get; init; }
    public required string Name { get; set; }
    public LocationType Type { get; set; }
    public required string AddressLine1 { get; set; }
    public string? AddressLine2 { get; set; }
    public required string City { get; set; }
    public required string PostalCode { get; set; }
    public required string Country { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public required string TimeZone { get; set; }
    /// <summary>One bit per <see cref="LocationCapability"/>, so "locations that can do X" is one integer test in SQL on both providers.</summary>
    public int CapabilityMask { get; set; }
    public int DailyOrderCapacity { get; set; }
    /// <summary>Days an uncollected pickup is held before it expires and its stock goes back on sale.</summary>
    public int PickupHoldDays { get; set; } = DefaultPickupHoldDays;
    public List<OpeningHours> OpeningHours { get; set; } = [];
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }

    public const int DefaultPickupHoldDays = 7;

    public IReadOnlyList<LocationCapability> Capabilities => FromMask(CapabilityMask);

    public static int Bit(LocationCapability capability) => 1 << (int)capability;

    public static int ToMask(IEnumerable<LocationCapability> capabilities) => capabilities.Aggregate(0, (mask, c) => mask | Bit(c));

    public static IReadOnlyList<LocationCapability> FromMask(int mask) =>
        [.. Enum.GetValues<LocationCapability>().Where(c => (mask & Bit(c)) != 0)];

    public LocationSnapshot ToSnapshot() =>
        new(Code, Name, Type, Latitude, Longitude, TimeZone, Country, Capabilities.ToHashSet(), DailyOrderCapacity, PickupHoldDays,
            [.. OpeningHours.Select(h => new OpeningPeriod(h.Day, TimeOfDay(h.Open), TimeOfDay(h.Close)))]);

    // Stored as validated "HH:mm", where "24:00" ends the day (TimeSpan.Parse would read it as 24 days).
    private static TimeSpan TimeOfDay(string hhmm) =>
        TimeSpan.FromMinutes(int.Parse(hhmm[..2], CultureInfo.InvariantCulture) * 60 + int.Parse(hhmm[3..], CultureInfo.InvariantCulture));

    public LocationCreated ToCreated() =>
        new(Code, Name, Type, Country, Latitude, Longitude, TimeZone, Capabilities, DailyOrderCapacity);

    public LocationUpdated ToUpdated() =>
        new(Code, Name, Type, Country, Latitude, Longitude, TimeZone, Capabilities, DailyOrderCapacity);
}

/// <summary>An opening period in the location's local time; <see cref="Close"/> may be <c>24:00</c>.</summary>
internal sealed record OpeningHours(DayOfWeek Day, string Open, string Close);
