using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Errors;
using Omni.Common.Validation;
using Omni.Pricing.Data;
using Omni.Pricing.Domain;

namespace Omni.Pricing.Features;

/// <summary>Removes a rate; a region without its own rate falls back to its country's.</summary>
internal static class DeleteTaxRate
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder taxRates) =>
        taxRates.MapDelete("/{country}/{region?}", Handle).WithName(nameof(DeleteTaxRate))
            .WithSummary("Deletes the tax rate of a country or of a region.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Handle(
        string country, string? region, PricingDbContext db, PricingRulesCache cache, CancellationToken ct)
    {
        var v = new Validator();
        var (place, area) = TaxScope.Validate(v, country, region);
        if (!v.IsValid) return v.ToProblem();
        var key = TaxRateRecord.KeyOf(place, area);
        var deleted = await db.TaxRates.Where(t => t.ScopeKey == key).ExecuteDeleteAsync(ct);
        cache.Invalidate();
        return deleted == 0 ? Problems.NotFound("Tax rate", key) : TypedResults.NoContent();
    }
}
