using Microsoft.AspNetCore.Http.HttpResults;
using Omni.Common.Errors;
using Omni.Common.Validation;
using Omni.Contracts.Catalog;

namespace Omni.Catalog.Features;

/// <summary>Bulk upsert by code for the demo seeder and ERP feeds: all items valid or nothing written, one SaveChanges.</summary>
internal static class ImportProducts
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder products) =>
        products.MapPost("/import", Handle).WithName(nameof(ImportProducts))
            .WithSummary($"Creates or updates up to {ICatalogImport.MaxBatch} products by code; errors are reported per index, e.g. '[3].variants[0].gtin'.")
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Ok<ProductImportSummary>, ValidationProblem>> Handle(
        List<ProductRequest?> request, ProductWriter writer, CancellationToken ct)
    {
        var v = new Validator();
        var drafts = Validate(v, request);
        if (drafts is null) return v.ToProblem();
        return TypedResults.Ok(await Write(writer, drafts, ct));
    }

    internal static List<ProductDraft>? Validate(Validator v, IReadOnlyList<ProductRequest?> request)
    {
        if (request.Count == 0) v.Add("body", "must contain at least one product.");
        if (request.Count > ICatalogImport.MaxBatch) v.Add("body", $"must contain at most {ICatalogImport.MaxBatch} products; split the import.");
        if (!v.IsValid) return null;
        var drafts = new List<ProductDraft>(request.Count);
        for (var i = 0; i < request.Count; i++)
        {
            if (ProductRules.Validate(v, request[i], $"[{i}].") is { } draft) drafts.Add(draft);
        }
        return v.IsValid ? drafts : null;
    }

    internal static async Task<ProductImportSummary> Write(ProductWriter writer, IReadOnlyList<ProductDraft> drafts, CancellationToken ct)
    {
        var saved = await writer.SaveAsync(drafts, WriteMode.Upsert, ct);
        var created = saved.Count(s => s.Created);
        return new ProductImportSummary(created, saved.Count - created);
    }
}

internal sealed class CatalogImporter(ProductWriter writer) : ICatalogImport
{
    public async Task<ProductImportSummary> ImportAsync(IReadOnlyList<ImportedProduct> products, CancellationToken ct)
    {
        var v = new Validator();
        var drafts = ImportProducts.Validate(v, [.. products.Select(p => p?.ToRequest())]);
        if (drafts is null)
        {
            var problem = v.ToProblem().ProblemDetails;
            throw new DomainException("validation_failed", "One or more products are invalid.", StatusCodes.Status400BadRequest,
                new Dictionary<string, object?> { ["errors"] = problem.Errors });
        }
        return await ImportProducts.Write(writer, drafts, ct);
    }
}
