using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Omni.Catalog.Data;
using Omni.Common.Errors;

namespace Omni.Catalog.Features;

internal static class GetProduct
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder products) =>
        products.MapGet("/{code}", Handle).WithName(nameof(GetProduct));

    internal static async Task<Results<Ok<ProductDetails>, ProblemHttpResult>> Handle(string code, CatalogDbContext db, CancellationToken ct)
    {
        var normalized = ProductRules.NormalizeCode(code);
        var product = await db.Products.AsNoTracking().Include(p => p.Variants).FirstOrDefaultAsync(p => p.Code == normalized, ct);
        return product is null ? Problems.NotFound("Product", code) : TypedResults.Ok(product.ToDetails());
    }
}
