using Omni.Common.Http;
using System.Buffers.Text;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Validation;
using Omni.Contracts.Locations;
using Omni.Locations.Data;
using Omni.Locations.Domain;

namespace Omni.Locations.Features;

internal sealed record LocationPage(IReadOnlyList<LocationDetails> Items, string? Next);

internal static class ListLocations
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 500;

    public static RouteHandlerBuilder Map(RouteGroupBuilder locations) =>
        locations.MapGet("/", Handle).WithName(nameof(ListLocations))
            .WithSummary("Lists locations by code; filter by type, capability and country; page with the opaque 'next' cursor.");

    internal static async Task<Results<Ok<LocationPage>, ValidationProblem>> Handle(
        LocationsDbContext db, CancellationToken ct,
        string? type = null, string? capability = null, string? country = null, string? after = null, int? limit = null)
    {
        var v = new Validator();
        LocationType? typeFilter = null;
        if (type is not null)
        {
            if (ApiEnum.TryParse<LocationType>(type, out var t)) typeFilter = t;
            else v.Add("type", "must be store or warehouse.");
        }
        LocationCapability? capabilityFilter = null;
        if (capability is not null)
        {
            if (ApiEnum.TryParse<LocationCapability>(capability, out var c)) capabilityFilter = c;
            else v.Add("capability", "must be one of ship, pickup, curbside, returns, shipToStore.");
        }
        var afterCode = after is null ? null : CodeCursor.Decode(after);
        if (after is not null && afterCode is null) v.Add("after", "is not a cursor this endpoint returned.");
        var take = limit ?? DefaultLimit;
        v.Range("limit", take, 1, MaxLimit);
        if (!v.IsValid) return v.ToProblem();

        var query = db.Locations.AsNoTracking();
        if (typeFilter is { } wantedType) query = query.Where(l => l.Type == wantedType);
        if (capabilityFilter is { } wantedCapability)
        {
            var bit = Location.Bit(wantedCapability);
            query = query.Where(l => (l.CapabilityMask & bit) != 0);
        }
        if (country is not null)
        {
            var wantedCountry = country.ToUpperInvariant();
            query = query.Where(l => l.Country == wantedCountry);
        }
        if (afterCode is not null) query = query.Where(l => string.Compare(l.Code, afterCode) > 0);

        var page = await query.OrderBy(l => l.Code).Take(take + 1).ToListAsync(ct);
        var next = page.Count > take ? CodeCursor.Encode(page[take - 1].Code) : null;
        return TypedResults.Ok(new LocationPage([.. page.Take(take).Select(l => l.ToDetails())], next));
    }
}
