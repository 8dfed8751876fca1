using Omni.Common.Events;

namespace Omni.Contracts.Locations;

/// <summary>A location joined the network.</summary>
/// <param name="Code">The location code.</param>
/// <param name="Name">Display name.</param>
/// <param name="Type">Store or warehouse.</param>
/// <param name="Country">ISO 3166-1 alpha-2 country.</param>
/// <param name="Latitude">WGS84 latitude.</param>
/// <param name="Longitude">WGS84 longitude.</param>
/// <param name="TimeZone">IANA time zone.</param>
/// <param name="Capabilities">What the location offers.</param>
/// <param name="DailyOrderCapacity">Orders it can fulfill per day.</param>
public sealed record LocationCreated(
    string Code, string Name, LocationType Type, string Country, double Latitude, double Longitude, string TimeZone,
    IReadOnlyList<LocationCapability> Capabilities, int DailyOrderCapacity) : IEvent
{
    /// <inheritdoc />
    public static string EventType => "location.created";
}

/// <summary>A location changed (name, address, hours, capabilities, capacity …); carries its state after the change.</summary>
/// <param name="Code">The location code.</param>
/// <param name="Name">Display name.</param>
/// <param name="Type">Store or warehouse.</param>
/// <param name="Country">ISO 3166-1 alpha-2 country.</param>
/// <param name="Latitude">WGS84 latitude.</param>
/// <param name="Longitude">WGS84 longitude.</param>
/// <param name="TimeZone">IANA time zone.</param>
/// <param name="Capabilities">What the location offers.</param>
/// <param name="DailyOrderCapacity">Orders it can fulfill per day.</param>
public sealed record LocationUpdated(
    string Code, string Name, LocationType Type, string Country, double Latitude, double Longitude, string TimeZone,
    IReadOnlyList<LocationCapability> Capabilities, int DailyOrderCapacity) : IEvent
{
    /// <inheritdoc />
    public static string EventType => "location.updated";
}
