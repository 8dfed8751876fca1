using Microsoft.AspNetCore.Http.HttpResults;
using Omni.Common.Validation;

namespace Omni.Catalog.Features;

internal static class CreateProduct
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder products) =>
        products.MapPost("/", Handle).WithName(nameof(CreateProduct))
            .WithSummary("Adds a product with its variants; a duplicate code, SKU or GTIN is 409 duplicate.")
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Created<ProductDetails>, ValidationProblem>> Handle(
        ProductRequest request, ProductWriter writer, CancellationToken ct)
    {
        var v = new Validator();
        var draft = ProductRules.Validate(v, request);
        if (draft is null) return v.ToProblem();

        var (product, _) = (await writer.SaveAsync([draft], WriteMode.Create, ct))[0];
        return TypedResults.Created($"/api/v1/products/{product.Code}", product.ToDetails());
    }
}
