using Omni.Common.Http;
using System.Buffers.Text;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Omni.Catalog.Data;
using Omni.Common.Validation;

namespace Omni.Catalog.Features;

internal sealed record ProductPage(IReadOnlyList<ProductDetails> Items, string? Next);

internal static class ListProducts
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 200;
    private const int MaxTerms = 5;

    public static RouteHandlerBuilder Map(RouteGroupBuilder products) =>
        products.MapGet("/", Handle).WithName(nameof(ListProducts))
            .WithSummary("Searches products by code, name, brand, SKU or GTIN (every word of q must match, case-insensitively); " +
                         "filter by category (the path and below) and brand; page with the opaque 'next' cursor.");

    internal static async Task<Results<Ok<ProductPage>, ValidationProblem>> Handle(
        CatalogDbContext db, CancellationToken ct,
        string? q = null, string? category = null, string? brand = null, string? after = null, int? limit = null)
    {
        var v = new Validator();
        v.Optional("q", q, 200);
        v.Optional("category", category, 200);
        v.Optional("brand", brand, 100);
        var terms = (q ?? "").ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (terms.Length > MaxTerms) v.Add("q", $"may have at most {MaxTerms} words.");
        var afterCode = after is null ? null : CodeCursor.Decode(after);
        if (after is not null && afterCode is null) v.Add("after", "is not a cursor this endpoint returned.");
        var take = limit ?? DefaultLimit;
        v.Range("limit", take, 1, MaxLimit);
        if (!v.IsValid) return v.ToProblem();

        var query = db.Products.AsNoTracking();
        foreach (var term in terms) query = query.Where(p => p.SearchText.Contains(term));
        if (!string.IsNullOrWhiteSpace(category))
        {
            var path = category.Trim().Trim('/').ToLowerInvariant();
            var below = path + "/";
            query = query.Where(p => p.Category == path || p.Category.StartsWith(below));
        }
        if (!string.IsNullOrWhiteSpace(brand))
        {
            var brandKey = brand.Trim().ToLowerInvariant();
            query = query.Where(p => p.BrandKey == brandKey);
        }
        if (afterCode is not null) query = query.Where(p => string.Compare(p.Code, afterCode) > 0);

        var page = await query.OrderBy(p => p.Code).Take(take + 1).Include(p => p.Variants).AsSplitQuery().ToListAsync(ct);
        var next = page.Count > take ? CodeCursor.Encode(page[take - 1].Code) : null;
        return TypedResults.Ok(new ProductPage([.. page.Take(take).Select(p => p.ToDetails())], next));
    }
}
