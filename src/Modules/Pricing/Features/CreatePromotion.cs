using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;
using Omni.Common.Validation;
using Omni.Pricing.Data;
using Omni.Pricing.Domain;

namespace Omni.Pricing.Features;

internal static class CreatePromotion
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder promotions) =>
        promotions.MapPost("/", Handle).WithName(nameof(CreatePromotion))
            .WithSummary("Defines a promotion: percent or amount off a SKU, category, brand or the cart; buy X get Y; spend threshold.")
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Created<PromotionDetails>, ValidationProblem, ProblemHttpResult>> Handle(
        PromotionRequest request, PricingDbContext db, PricingRulesCache cache, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validator();
        var definition = PromotionRules.Validate(v, request);
        if (definition is null) return v.ToProblem();
        if (await db.Promotions.AnyAsync(p => p.Code == definition.Code, ct)) return PromotionProblems.Duplicate(definition.Code);

        var at = clock.GetUtcNow().UtcDateTime;
        var promotion = new PromotionRecord { Code = definition.Code, Name = definition.Name, CreatedAt = at };
        promotion.Apply(definition, at);
        db.Promotions.Add(promotion);
        db.Publish(promotion.ToCreated(), at);
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
        return TypedResults.Created($"/api/v1/pricing/promotions/{promotion.Id}", promotion.ToDetails());
    }
}
