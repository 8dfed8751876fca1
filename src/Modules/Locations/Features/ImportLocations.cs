using Microsoft.AspNetCore.Http.HttpResults;
using Omni.Common.Errors;
using Omni.Common.Validation;
using Omni.Contracts.Locations;

namespace Omni.Locations.Features;

/// <summary>Bulk upsert by code for the demo seeder and ERP feeds: all items valid or nothing written, one SaveChanges.</summary>
internal static class ImportLocations
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder locations) =>
        locations.MapPost("/import", Handle).WithName(nameof(ImportLocations))
            .WithSummary($"Creates or replaces up to {ILocationImport.MaxBatch} locations by code; errors are reported per index, e.g. '[3].code'.")
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Ok<LocationImportSummary>, ValidationProblem>> Handle(
        List<LocationRequest?> request, LocationWriter writer, CancellationToken ct)
    {
        var v = new Validator();
        var items = Validate(v, request);
        if (items is null) return v.ToProblem();
        return TypedResults.Ok(await Write(writer, items, ct));
    }

    internal static List<ImportedLocation>? Validate(Validator v, IReadOnlyList<LocationRequest?> request)
    {
        if (request.Count == 0) v.Add("body", "must contain at least one location.");
        if (request.Count > ILocationImport.MaxBatch) v.Add("body", $"must contain at most {ILocationImport.MaxBatch} locations; split the import.");
        if (!v.IsValid) return null;
        var items = new List<ImportedLocation>(request.Count);
        for (var i = 0; i < request.Count; i++)
        {
            if (LocationRules.Validate(v, request[i], $"[{i}].") is { } item) items.Add(item);
        }
        return v.IsValid ? items : null;
    }

    internal static async Task<LocationImportSummary> Write(LocationWriter writer, IReadOnlyList<ImportedLocation> items, CancellationToken ct)
    {
        var saved = await writer.SaveAsync(items, WriteMode.Upsert, ct);
        var created = saved.Count(s => s.Created);
        return new LocationImportSummary(created, saved.Count - created);
    }
}

internal sealed class LocationImporter(LocationWriter writer) : ILocationImport
{
    public async Task<LocationImportSummary> ImportAsync(IReadOnlyList<ImportedLocation> locations, CancellationToken ct)
    {
        var v = new Validator();
        var items = ImportLocations.Validate(v, [.. locations.Select(l => l?.ToRequest())]);
        if (items is null)
        {
            var problem = v.ToProblem().ProblemDetails;
            throw new DomainException("validation_failed", "One or more locations are invalid.", StatusCodes.Status400BadRequest,
                new Dictionary<string, object?> { ["errors"] = problem.Errors });
        }
        return await ImportLocations.Write(writer, items, ct);
    }
}
