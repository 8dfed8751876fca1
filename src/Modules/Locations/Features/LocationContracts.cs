using System.Globalization;
using Omni.Common.Validation;
using Omni.Contracts.Locations;
using Omni.Locations.Domain;

namespace Omni.Locations.Features;

/// <summary>The body of create, replace and import. Value types are nullable so a missing field is reported, not defaulted.</summary>
internal sealed record LocationRequest(
    string? Code, string? Name, LocationType? Type, AddressDto? Address, double? Latitude, double? Longitude, string? TimeZone,
    List<LocationCapability>? Capabilities, int? DailyOrderCapacity, List<OpeningHoursDto>? OpeningHours, int? PickupHoldDays = null);

internal sealed record AddressDto(string? Line1, string? Line2, string? City, string? PostalCode, string? Country);

internal sealed record OpeningHoursDto(DayOfWeek? Day, string? Open, string? Close);

internal sealed record LocationDetails(
    string Code, string Name, LocationType Type, AddressDto Address, double Latitude, double Longitude, string TimeZone,
    IReadOnlyList<LocationCapability> Capabilities, int DailyOrderCapacity, IReadOnlyList<OpeningHours> OpeningHours,
    DateTime CreatedAt, DateTime UpdatedAt, int PickupHoldDays);

internal static class LocationMapping
{
    public static LocationDetails ToDetails(this Location l) => new(
        l.Code, l.Name, l.Type, new AddressDto(l.AddressLine1, l.AddressLine2, l.City, l.PostalCode, l.Country),
        l.Latitude, l.Longitude, l.TimeZone, l.Capabilities, l.DailyOrderCapacity,
        [.. l.OpeningHours.OrderBy(h => ((int)h.Day + 6) % 7).ThenBy(h => h.Open, StringComparer.Ordinal)],
        l.CreatedAt, l.UpdatedAt, l.PickupHoldDays);

    public static LocationRequest ToRequest(this ImportedLocation l) => new(
        l.Code, l.Name, l.Type,
        l.Address is { } a ? new AddressDto(a.Line1, a.Line2, a.City, a.PostalCode, a.Country) : null,
        l.Latitude, l.Longitude, l.TimeZone, l.Capabilities?.ToList(), l.DailyOrderCapacity,
        l.OpeningHours?.Select(h => new OpeningHoursDto(h.Day, h.Open, h.Close)).ToList(), l.PickupHoldDays);

    public static void Apply(this Location l, ImportedLocation from, DateTime at)
    {
        l.Name = from.Name;
        l.Type = from.Type;
        l.AddressLine1 = from.Address.Line1;
        l.AddressLine2 = from.Address.Line2;
        l.City = from.Address.City;
        l.PostalCode = from.Address.PostalCode;
        l.Country = from.Address.Country;
        l.Latitude = from.Latitude;
        l.Longitude = from.Longitude;
        l.TimeZone = from.TimeZone;
        l.CapabilityMask = Location.ToMask(from.Capabilities);
        l.DailyOrderCapacity = from.DailyOrderCapacity;
        l.OpeningHours = [.. (from.OpeningHours ?? []).Select(h => new OpeningHours(h.Day, h.Open, h.Close))];
        l.PickupHoldDays = from.PickupHoldDays;
        l.UpdatedAt = at;
    }

    public static Location ToNew(this ImportedLocation from, DateTime at)
    {
        var location = new Location
        {
            Code = from.Code, Name = from.Name, AddressLine1 = from.Address.Line1, City = from.Address.City,
            PostalCode = from.Address.PostalCode, Country = from.Address.Country, TimeZone = from.TimeZone, CreatedAt = at,
        };
        location.Apply(from, at);
        return location;
    }
}

internal static class LocationRules
{
    public const int MaxCapacity = 1_000_000;
    public const int MaxPickupHoldDays = 90;
    private const int MaxOpeningPeriods = 28;

    /// <summary>Codes are compared without regard to case: one store is not two because an ERP typed it in lower case.</summary>
    public static string NormalizeCode(string code) => code.Trim().ToUpperInvariant();

    /// <summary>Validates and normalizes; null when <paramref name="v"/> got errors. <paramref name="prefix"/> names the item in a batch, e.g. <c>[3].</c>.</summary>
    public static ImportedLocation? Validate(Validator v, LocationRequest? r, string prefix = "")
    {
        if (r is null) { v.Add(prefix.Length == 0 ? "body" : prefix.TrimEnd('.'), "is required."); return null; }

        v.Code($"{prefix}code", r.Code);
        v.Required($"{prefix}name", r.Name, 200);
        v.Required($"{prefix}type", r.Type);
        if (r.Type is { } type) v.Enum($"{prefix}type", type);

        if (r.Address is not { } address) v.Add($"{prefix}address", "is required.");
        else
        {
            v.Required($"{prefix}address.line1", address.Line1, 200);
            v.Optional($"{prefix}address.line2", address.Line2, 200);
            v.Required($"{prefix}address.city", address.City, 100);
            v.Required($"{prefix}address.postalCode", address.PostalCode, 20);
            v.Country($"{prefix}address.country", address.Country?.ToUpperInvariant());
        }

        if (v.Required($"{prefix}latitude", r.Latitude)) v.Range($"{prefix}latitude", r.Latitude, -90, 90);
        if (v.Required($"{prefix}longitude", r.Longitude)) v.Range($"{prefix}longitude", r.Longitude, -180, 180);

        if (v.Required($"{prefix}timeZone", r.TimeZone, 64) && !IsIanaZone(r.TimeZone!))
            v.Add($"{prefix}timeZone", "must be an IANA time zone, e.g. Europe/Paris.");

        if (r.Capabilities is null) v.Add($"{prefix}capabilities", "is required (it may be empty).");
        else
        {
            for (var i = 0; i < r.Capabilities.Count; i++) v.Enum($"{prefix}capabilities[{i}]", r.Capabilities[i]);
        }

        if (v.Required($"{prefix}dailyOrderCapacity", r.DailyOrderCapacity)) v.Range($"{prefix}dailyOrderCapacity", r.DailyOrderCapacity!.Value, 0, MaxCapacity);

        var hours = ValidateHours(v, r.OpeningHours, $"{prefix}openingHours");
        if (r.PickupHoldDays is { } holdDays) v.Range($"{prefix}pickupHoldDays", holdDays, 1, MaxPickupHoldDays);

        if (!v.IsValid) return null;
        return new ImportedLocation(
            NormalizeCode(r.Code!), r.Name!.Trim(), r.Type!.Value,
            new ImportedAddress(r.Address!.Line1!.Trim(), string.IsNullOrWhiteSpace(r.Address.Line2) ? null : r.Address.Line2.Trim(),
                r.Address.City!.Trim(), r.Address.PostalCode!.Trim(), r.Address.Country!.ToUpperInvariant()),
            r.Latitude!.Value, r.Longitude!.Value, r.TimeZone!, r.Capabilities!.Distinct().ToList(), r.DailyOrderCapacity!.Value, hours,
            r.PickupHoldDays ?? Location.DefaultPickupHoldDays);
    }

    private static List<ImportedOpeningHours> ValidateHours(Validator v, List<OpeningHoursDto>? hours, string field)
    {
        var result = new List<ImportedOpeningHours>();
        if (hours is null) return result;
        if (hours.Count > MaxOpeningPeriods) { v.Add(field, $"must have at most {MaxOpeningPeriods} periods."); return result; }
        for (var i = 0; i < hours.Count; i++)
        {
            var item = $"{field}[{i}]";
            if (hours[i] is not { } h) { v.Add(item, "is required."); continue; }
            if (v.Required($"{item}.day", h.Day)) v.Enum($"{item}.day", h.Day!.Value);
            var open = Minutes(v, $"{item}.open", h.Open, allowMidnightEnd: false);
            var close = Minutes(v, $"{item}.close", h.Close, allowMidnightEnd: true);
            if (open is null || close is null || h.Day is null) continue;
            if (close <= open) { v.Add($"{item}.close", "must be after open."); continue; }
            var overlapping = result.Any(o => o.Day == h.Day && Minutes(o.Open) < close && open < Minutes(o.Close));
            if (overlapping) { v.Add(item, "overlaps another period of the same day."); continue; }
            result.Add(new ImportedOpeningHours(h.Day.Value, h.Open!, h.Close!));
        }
        return result;
    }

    private static int? Minutes(Validator v, string field, string? text, bool allowMidnightEnd)
    {
        if (!v.Required(field, text, 5)) return null;
        if (allowMidnightEnd && text == "24:00") return 24 * 60;
        if (text!.Length == 5 && TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            return time.Hour * 60 + time.Minute;
        v.Add(field, allowMidnightEnd ? "must be a time HH:mm (00:00 to 24:00)." : "must be a time HH:mm (00:00 to 23:59).");
        return null;
    }

    private static int Minutes(string text) => text == "24:00" ? 24 * 60 : int.Parse(text[..2], CultureInfo.InvariantCulture) * 60 + int.Parse(text[3..], CultureInfo.InvariantCulture);

    // Windows ids would pass on a Windows server and fail on Linux; only IANA ids (those with a '/' or UTC) are portable.
    private static bool IsIanaZone(string id) =>
        (id.Contains('/', StringComparison.Ordinal) || id == "UTC") && !id.Contains("..", StringComparison.Ordinal)
        && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId;
}
