using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Errors;
using Omni.Pricing.Data;

namespace Omni.Pricing.Features;

internal static class GetCoupon
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder coupons) =>
        coupons.MapGet("/{id:guid}", Handle).WithName(nameof(GetCoupon))
            .WithSummary("A coupon with its limits, how many codes it has and how many uses they count.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<Results<Ok<CouponDetails>, ProblemHttpResult>> Handle(Guid id, PricingDbContext db, CancellationToken ct)
    {
        var coupon = await db.Coupons.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (coupon is null) return Problems.NotFound("Coupon", id.ToString());
        var codes = db.CouponCodes.AsNoTracking().Where(c => c.CouponId == id);
        var count = await codes.CountAsync(ct);
        var uses = await codes.SumAsync(c => (long)c.Uses, ct);
        return TypedResults.Ok(coupon.ToDetails(count, uses, null));
    }
}
