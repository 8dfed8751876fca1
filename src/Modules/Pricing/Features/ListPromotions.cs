using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Http;
using Omni.Common.Validation;
using Omni.Pricing.Data;

namespace Omni.Pricing.Features;

internal sealed record PromotionPage(IReadOnlyList<PromotionDetails> Items, string? Next);

internal static class ListPromotions
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 500;

    public static RouteHandlerBuilder Map(RouteGroupBuilder promotions) =>
        promotions.MapGet("/", Handle).WithName(nameof(ListPromotions))
            .WithSummary("Lists promotions by code; filter with active=true|false; page with the opaque 'next' cursor.");

    internal static async Task<Results<Ok<PromotionPage>, ValidationProblem>> Handle(
        PricingDbContext db, CancellationToken ct, bool? active = null, string? after = null, int? limit = null)
    {
        var v = new Validator();
        var afterCode = after is null ? null : CodeCursor.Decode(after);
        if (after is not null && afterCode is null) v.Add("after", "is not a cursor this endpoint returned.");
        var take = limit ?? DefaultLimit;
        v.Range("limit", take, 1, MaxLimit);
        if (!v.IsValid) return v.ToProblem();

        var query = db.Promotions.AsNoTracking();
        if (active is { } wanted) query = query.Where(p => p.Active == wanted);
        if (afterCode is not null) query = query.Where(p => string.Compare(p.Code, afterCode) > 0);
        var page = await query.OrderBy(p => p.Code).Take(take + 1).ToListAsync(ct);
        var next = page.Count > take ? CodeCursor.Encode(page[take - 1].Code) : null;
        return TypedResults.Ok(new PromotionPage([.. page.Take(take).Select(p => p.ToDetails())], next));
    }
}
