using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Omni.Pricing.Data;

namespace Omni.Pricing.Features;

internal static class ListTaxRates
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder taxRates) =>
        taxRates.MapGet("/", Handle).WithName(nameof(ListTaxRates))
            .WithSummary("The tax table by country and region. One row per country or region, so the list is not paged.");

    internal static async Task<Ok<TaxRatePage>> Handle(PricingDbContext db, CancellationToken ct)
    {
        var rates = await db.TaxRates.AsNoTracking().ToListAsync(ct);
        return TypedResults.Ok(new TaxRatePage([.. rates.OrderBy(r => r.ScopeKey, StringComparer.Ordinal).Select(r => r.ToDetails())], null));
    }
}
