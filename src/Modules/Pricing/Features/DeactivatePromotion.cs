using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Errors;
using Omni.Pricing.Data;

namespace Omni.Pricing.Features;

/// <summary>Ends a promotion at once on every channel; the record stays for receipts and reports that name it.</summary>
internal static class DeactivatePromotion
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder promotions) =>
        promotions.MapPost("/{id:guid}/deactivate", Handle).WithName(nameof(DeactivatePromotion))
            .WithSummary("Deactivates a promotion; deactivating an inactive one is a no-op.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Results<Ok<PromotionDetails>, ProblemHttpResult>> Handle(
        Guid id, PricingDbContext db, PricingRulesCache cache, TimeProvider clock, CancellationToken ct)
    {
        var promotion = await db.Promotions.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (promotion is null) return Problems.NotFound("Promotion", id.ToString());
        if (!promotion.Active) return TypedResults.Ok(promotion.ToDetails());

        var at = clock.GetUtcNow().UtcDateTime;
        promotion.Active = false;
        promotion.UpdatedAt = at;
        db.Publish(promotion.ToUpdated(), at);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            cache.Invalidate();
        }
        return TypedResults.Ok(promotion.ToDetails());
    }
}
