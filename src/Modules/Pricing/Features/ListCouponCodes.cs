using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Errors;
using Omni.Common.Http;
using Omni.Common.Validation;
using Omni.Pricing.Data;

namespace Omni.Pricing.Features;

internal static class ListCouponCodes
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    public static RouteHandlerBuilder Map(RouteGroupBuilder coupons) =>
        coupons.MapGet("/{id:guid}/codes", Handle).WithName(nameof(ListCouponCodes))
            .WithSummary("The codes of a coupon by code, with their uses and who they are assigned to; page with 'next'.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Results<Ok<CouponCodePage>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, PricingDbContext db, CancellationToken ct, string? after = null, int? limit = null)
    {
        var v = new Validator();
        var afterCode = after is null ? null : CodeCursor.Decode(after);
        if (after is not null && afterCode is null) v.Add("after", "is not a cursor this endpoint returned.");
        var take = limit ?? DefaultLimit;
        v.Range("limit", take, 1, MaxLimit);
        if (!v.IsValid) return v.ToProblem();
        if (!await db.Coupons.AnyAsync(c => c.Id == id, ct)) return Problems.NotFound("Coupon", id.ToString());

        var query = db.CouponCodes.AsNoTracking().Where(c => c.CouponId == id);
        if (afterCode is not null) query = query.Where(c => string.Compare(c.Code, afterCode) > 0);
        var page = await query.OrderBy(c => c.Code).Take(take + 1).ToListAsync(ct);
        var next = page.Count > take ? CodeCursor.Encode(page[take - 1].Code) : null;
        return TypedResults.Ok(new CouponCodePage([.. page.Take(take).Select(c => c.ToDetails())], next));
    }
}
