using Microsoft.AspNetCore.Http.HttpResults;
using Omni.Common.Validation;

namespace Omni.Catalog.Features;

/// <summary>Replaces name, brand, category and description, and upserts the listed variants by SKU (new SKUs are added).</summary>
internal static class UpdateProduct
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder products) =>
        products.MapPut("/{code}", Handle).WithName(nameof(UpdateProduct))
            .WithSummary("Updates a product and upserts the listed variants by SKU; variants not listed are kept unchanged.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Ok<ProductDetails>, ValidationProblem>> Handle(
        string code, ProductRequest request, ProductWriter writer, CancellationToken ct)
    {
        var v = new Validator();
        var normalized = ProductRules.NormalizeCode(code);
        if (request is { Code: { } bodyCode } && ProductRules.NormalizeCode(bodyCode) != normalized)
            v.Add("code", "must match the code in the path (or be left out).");
        var draft = ProductRules.Validate(v, request is null ? null : request with { Code = normalized });
        if (draft is null) return v.ToProblem();

        var (product, _) = (await writer.SaveAsync([draft], WriteMode.Update, ct))[0];
        return TypedResults.Ok(product.ToDetails());
    }
}
