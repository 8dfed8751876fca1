using Microsoft.AspNetCore.Http.HttpResults;
using Omni.Common.Validation;

namespace Omni.Locations.Features;

/// <summary>Replaces a location's data (name, address, hours, capabilities, capacity …); the code is the identity and stays.</summary>
internal static class UpdateLocation
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder locations) =>
        locations.MapPut("/{code}", Handle).WithName(nameof(UpdateLocation))
            .WithSummary("Replaces a location's data; the body is the same as for creating it, code optional.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Results<Ok<LocationDetails>, ValidationProblem>> Handle(
        string code, LocationRequest request, LocationWriter writer, CancellationToken ct)
    {
        var v = new Validator();
        var normalized = LocationRules.NormalizeCode(code);
        if (request is { Code: { } bodyCode } && LocationRules.NormalizeCode(bodyCode) != normalized)
            v.Add("code", "must match the code in the path (or be left out).");
        var item = LocationRules.Validate(v, request is null ? null : request with { Code = normalized });
        if (item is null) return v.ToProblem();

        var (location, _) = (await writer.SaveAsync([item], WriteMode.Replace, ct))[0];
        return TypedResults.Ok(location.ToDetails());
    }
}
