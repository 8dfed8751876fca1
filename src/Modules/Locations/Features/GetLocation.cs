using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Errors;
using Omni.Locations.Data;

namespace Omni.Locations.Features;

internal static class GetLocation
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder locations) =>
        locations.MapGet("/{code}", Handle).WithName(nameof(GetLocation));

    internal static async Task<Results<Ok<LocationDetails>, ProblemHttpResult>> Handle(string code, LocationsDbContext db, CancellationToken ct)
    {
        var normalized = LocationRules.NormalizeCode(code);
        var location = await db.Locations.AsNoTracking().FirstOrDefaultAsync(l => l.Code == normalized, ct);
        return location is null ? Problems.NotFound("Location", code) : TypedResults.Ok(location.ToDetails());
    }
}
