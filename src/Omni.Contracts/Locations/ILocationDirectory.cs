namespace Omni.Contracts.Locations;

/// <summary>Kind of a location in the network.</summary>
public enum LocationType
{
    /// <summary>A shop customers walk into.</summary>
    Store,
    /// <summary>A warehouse or distribution center.</summary>
    Warehouse,
}

/// <summary>What a location can do for customers.</summary>
public enum LocationCapability
{
    /// <summary>Ships parcels to customers.</summary>
    Ship,
    /// <summary>Hands orders over at the counter (click-and-collect).</summary>
    Pickup,
    /// <summary>Brings orders out to the customer's car.</summary>
    Curbside,
    /// <summary>Takes returns.</summary>
    Returns,
    /// <summary>Receives orders shipped from elsewhere for pickup.</summary>
    ShipToStore,
}

/// <summary>A location as other modules see it.</summary>
/// <param name="Code">The stable, human-facing code, e.g. <c>STORE-PARIS-01</c>.</param>
/// <param name="Name">Display name.</param>
/// <param name="Type">Store or warehouse.</param>
/// <param name="Latitude">WGS84 latitude.</param>
/// <param name="Longitude">WGS84 longitude.</param>
/// <param name="TimeZone">IANA time zone.</param>
/// <param name="Country">ISO 3166-1 alpha-2 country.</param>
/// <param name="Capabilities">What the location offers.</param>
/// <param name="DailyOrderCapacity">Orders it can fulfill per day.</param>
/// <param name="PickupHoldDays">Days an uncollected pickup is held before it expires and its stock goes back on sale.</param>
/// <param name="OpeningHours">When it is open, in its local time; null or empty when not known (warehouses).</param>
public sealed record LocationSnapshot(
    string Code, string Name, LocationType Type, double Latitude, double Longitude, string TimeZone, string Country,
    IReadOnlySet<LocationCapability> Capabilities, int DailyOrderCapacity, int PickupHoldDays = 7, IReadOnlyList<OpeningPeriod>? OpeningHours = null)
{
    /// <summary>True when the location offers <paramref name="capability"/>.</summary>
    public bool Can(LocationCapability capability) => Capabilities.Contains(capability);
}

/// <summary>One opening period of a location in its local time.</summary>
/// <param name="Day">The day it opens.</param>
/// <param name="Opens">Time of day it opens.</param>
/// <param name="Closes">Time of day it closes; may be 24:00.</param>
public sealed record OpeningPeriod(DayOfWeek Day, TimeSpan Opens, TimeSpan Closes);

/// <summary>The network of locations, cached: it changes rarely and is read on every order and availability query.</summary>
public interface ILocationDirectory
{
    /// <summary>Every location, keyed by code.</summary>
    ValueTask<IReadOnlyDictionary<string, LocationSnapshot>> AllAsync(CancellationToken ct);
}
