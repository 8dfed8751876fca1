using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;
using Omni.Common.Errors;
using Omni.Common.Validation;
using Omni.Pricing.Data;

namespace Omni.Pricing.Features;

/// <summary>Replaces a promotion's definition; whether it is active is left alone (see <see cref="DeactivatePromotion"/>).</summary>
internal static class UpdatePromotion
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder promotions) =>
        promotions.MapPut("/{id:guid}", Handle).WithName(nameof(UpdatePromotion))
            .WithSummary("Replaces a promotion's definition; the body is the same as for creating it.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Ok<PromotionDetails>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, PromotionRequest request, PricingDbContext db, PricingRulesCache cache, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validator();
        var definition = PromotionRules.Validate(v, request);
        if (definition is null) return v.ToProblem();

        var promotion = await db.Promotions.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (promotion is null) return Problems.NotFound("Promotion", id.ToString());
        if (await db.Promotions.AnyAsync(p => p.Code == definition.Code && p.Id != id, ct)) return PromotionProblems.Duplicate(definition.Code);

        var at = clock.GetUtcNow().UtcDateTime;
        promotion.Apply(definition, at);
        db.Publish(promotion.ToUpdated(), at);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            return PromotionProblems.Duplicate(definition.Code);
        }
        finally
        {
            cache.Invalidate();
        }
        return TypedResults.Ok(promotion.ToDetails());
    }
}
