using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Errors;
using Omni.Common.Validation;
using Omni.Pricing.Data;
using Omni.Pricing.Domain;

namespace Omni.Pricing.Features;

/// <summary>
/// Every use of a coupon's codes, oldest first, or — without a coupon — the over-limit report: store sales that used a
/// code beyond a limit while their till was offline. They were recorded (a sale is a fact) and are listed here to follow up.
/// </summary>
internal static class ListRedemptions
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    public static RouteHandlerBuilder MapForCoupon(RouteGroupBuilder coupons) =>
        coupons.MapGet("/{id:guid}/redemptions", ForCoupon).WithName("ListCouponRedemptions")
            .WithSummary("Uses of a coupon's codes, oldest first; filter with overLimit=true; page with 'next'.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    public static RouteHandlerBuilder MapOverLimit(RouteGroupBuilder coupons) =>
        coupons.MapGet("/over-limit", OverLimit).WithName("ListOverLimitRedemptions")
            .WithSummary("Store sales that used a coupon beyond its limit while offline: recorded, flagged, oldest first.");

    internal static async Task<Results<Ok<RedemptionPage>, ValidationProblem, ProblemHttpResult>> ForCoupon(
        Guid id, PricingDbContext db, CancellationToken ct, bool? overLimit = null, string? after = null, int? limit = null)
    {
        if (!await db.Coupons.AnyAsync(c => c.Id == id, ct)) return Problems.NotFound("Coupon", id.ToString());
        var query = db.CouponRedemptions.AsNoTracking().Where(r => r.CouponId == id);
        if (overLimit is { } flagged) query = query.Where(r => r.OverLimit == flagged);
        return await PageAsync(query, after, limit, ct);
    }

    internal static Task<Results<Ok<RedemptionPage>, ValidationProblem, ProblemHttpResult>> OverLimit(
        PricingDbContext db, CancellationToken ct, string? after = null, int? limit = null) =>
        PageAsync(db.CouponRedemptions.AsNoTracking().Where(r => r.OverLimit), after, limit, ct);

    private static async Task<Results<Ok<RedemptionPage>, ValidationProblem, ProblemHttpResult>> PageAsync(
        IQueryable<CouponRedemptionRecord> query, string? after, int? limit, CancellationToken ct)
    {
        var v = new Validator();
        Guid afterId = default;
        if (after is not null && !Guid.TryParseExact(after, "N", out afterId)) v.Add("after", "is not a cursor this endpoint returned.");
        var take = limit ?? DefaultLimit;
        v.Range("limit", take, 1, MaxLimit);
        if (!v.IsValid) return v.ToProblem();

        if (after is not null) query = query.Where(r => r.Id.CompareTo(afterId) > 0);
        var page = await query.OrderBy(r => r.Id).Take(take + 1).ToListAsync(ct);
        return TypedResults.Ok(new RedemptionPage([.. page.Take(take).Select(r => r.ToDetails())], CouponMapping.NextCursor(page, take)));
    }
}
