using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Omni.Pricing.Data;

namespace Omni.Pricing.Features;

internal static class ListPriceExceptions
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder exceptions) =>
        exceptions.MapGet("/", Handle).WithName(nameof(ListPriceExceptions))
            .WithSummary("Lists price exceptions by SKU; filter with sku=. Exceptions are few by design, so the list is not paged.");

    internal static async Task<Ok<PriceExceptionPage>> Handle(PricingDbContext db, CancellationToken ct, string? sku = null)
    {
        var query = db.PriceExceptions.AsNoTracking();
        if (sku is not null)
        {
            var wanted = PromotionRules.Normalize(sku);
            query = query.Where(e => e.Sku == wanted);
        }
        var all = await query.ToListAsync(ct);
        return TypedResults.Ok(new PriceExceptionPage([.. all.InReportOrder().Select(e => e.ToDetails())], null));
    }
}
