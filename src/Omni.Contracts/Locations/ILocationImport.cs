namespace Omni.Contracts.Locations;

/// <summary>A postal address of a location.</summary>
/// <param name="Line1">Street and number.</param>
/// <param name="Line2">Optional second line.</param>
/// <param name="City">City.</param>
/// <param name="PostalCode">Postal code.</param>
/// <param name="Country">ISO 3166-1 alpha-2 country.</param>
public sealed record ImportedAddress(string Line1, string? Line2, string City, string PostalCode, string Country);

/// <summary>One opening period of a weekday; a day may have several (a lunch break), a day without any is closed.</summary>
/// <param name="Day">The weekday.</param>
/// <param name="Open">Opening time, local, <c>HH:mm</c>.</param>
/// <param name="Close">Closing time, local, <c>HH:mm</c> (<c>24:00</c> for midnight), after <paramref name="Open"/>.</param>
public sealed record ImportedOpeningHours(DayOfWeek Day, string Open, string Close);

/// <summary>A location to create or replace, matched by code.</summary>
/// <param name="Code">The location code; compared case-insensitively and stored upper-case.</param>
/// <param name="Name">Display name.</param>
/// <param name="Type">Store or warehouse.</param>
/// <param name="Address">Postal address.</param>
/// <param name="Latitude">WGS84 latitude.</param>
/// <param name="Longitude">WGS84 longitude.</param>
/// <param name="TimeZone">IANA time zone, e.g. <c>Europe/Paris</c>.</param>
/// <param name="Capabilities">What the location offers.</param>
/// <param name="DailyOrderCapacity">Orders it can fulfill per day.</param>
/// <param name="OpeningHours">Weekly opening hours; null or empty when not published.</param>
/// <param name="PickupHoldDays">Days an uncollected pickup is held before it expires.</param>
public sealed record ImportedLocation(
    string Code, string Name, LocationType Type, ImportedAddress Address, double Latitude, double Longitude, string TimeZone,
    IReadOnlyCollection<LocationCapability> Capabilities, int DailyOrderCapacity, IReadOnlyList<ImportedOpeningHours>? OpeningHours = null,
    int PickupHoldDays = 7);

/// <summary>What an import did.</summary>
/// <param name="Created">Locations that did not exist before.</param>
/// <param name="Updated">Existing locations that were replaced.</param>
public sealed record LocationImportSummary(int Created, int Updated);

/// <summary>
/// Bulk upsert of locations for the demo seeder and ERP integrations, the same as <c>POST /api/v1/locations/import</c>.
/// Scoped: resolve it from a scope (it writes through that scope's database session).
/// </summary>
public interface ILocationImport
{
    /// <summary>The most locations one call accepts.</summary>
    const int MaxBatch = 500;

    /// <summary>
    /// Creates or replaces every location, all or nothing. Throws <c>Omni.Common.Errors.DomainException</c> with code
    /// <c>validation_failed</c> (per-field <c>errors</c> in its extensions, fields prefixed by the index, e.g. <c>[3].code</c>)
    /// or <c>duplicate</c> when anything is wrong; nothing is written then.
    /// </summary>
    Task<LocationImportSummary> ImportAsync(IReadOnlyList<ImportedLocation> locations, CancellationToken ct);
}
