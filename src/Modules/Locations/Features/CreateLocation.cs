using Microsoft.AspNetCore.Http.HttpResults;
using Omni.Common.Validation;

namespace Omni.Locations.Features;

internal static class CreateLocation
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder locations) =>
        locations.MapPost("/", Handle).WithName(nameof(CreateLocation))
            .WithSummary("Adds a store or warehouse to the network.")
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Created<LocationDetails>, ValidationProblem>> Handle(
        LocationRequest request, LocationWriter writer, CancellationToken ct)
    {
        var v = new Validator();
        var item = LocationRules.Validate(v, request);
        if (item is null) return v.ToProblem();

        var (location, _) = (await writer.SaveAsync([item], WriteMode.Create, ct))[0];
        return TypedResults.Created($"/api/v1/locations/{location.Code}", location.ToDetails());
    }
}
