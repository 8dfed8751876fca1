using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Errors;
using Omni.Pricing.Data;

namespace Omni.Pricing.Features;

internal static class GetPromotion
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder promotions) =>
        promotions.MapGet("/{id:guid}", Handle).WithName(nameof(GetPromotion));

    internal static async Task<Results<Ok<PromotionDetails>, ProblemHttpResult>> Handle(Guid id, PricingDbContext db, CancellationToken ct)
    {
        var promotion = await db.Promotions.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return promotion is null ? Problems.NotFound("Promotion", id.ToString()) : TypedResults.Ok(promotion.ToDetails());
    }
}
