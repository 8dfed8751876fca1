using System.Net.Mail;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Validation;
using Omni.Pricing.Data;

namespace Omni.Pricing.Features;

internal sealed record WalletCoupon(
    string Code, Guid CouponId, string CouponName, Guid PromotionId, string PromotionCode, string PromotionName, bool PromotionActive,
    int? MaxUses, int Uses, int? UsesLeft, Guid? AssignedCustomerId, string? AssignedEmail);

internal sealed record Wallet(Guid? CustomerId, string? Email, IReadOnlyList<WalletCoupon> Items);

/// <summary>
/// A customer's coupon wallet: the codes assigned to their id or e-mail, for every channel to show (the app's wallet, the
/// associate's screen at the till). The customer id is opaque here: Pricing does not read the Customers module.
/// </summary>
internal static class GetWallet
{
    private const int MaxItems = 500;

    public static RouteHandlerBuilder Map(RouteGroupBuilder pricing) =>
        pricing.MapGet("/wallet", Handle).WithName(nameof(GetWallet))
            .WithSummary("Coupon codes assigned to a customer, by customerId and/or email, newest first.");

    internal static async Task<Results<Ok<Wallet>, ValidationProblem>> Handle(PricingDbContext db, CancellationToken ct, Guid? customerId = null, string? email = null)
    {
        var v = new Validator();
        if (customerId is null && string.IsNullOrWhiteSpace(email)) v.Add("customerId", "give a customerId, an email or both.");
        if (email is not null && (email.Length > 254 || !MailAddress.TryCreate(email.Trim(), out _))) v.Add("email", "must be an e-mail address.");
        if (!v.IsValid) return v.ToProblem();

        var mail = email?.Trim().ToLowerInvariant();
        var codes = await db.CouponCodes.AsNoTracking()
            .Where(c => (customerId != null && c.AssignedCustomerId == customerId) || (mail != null && c.AssignedEmail == mail))
            .OrderByDescending(c => c.Id).Take(MaxItems).ToListAsync(ct);
        var couponIds = codes.Select(c => c.CouponId).Distinct().ToList();
        var coupons = await db.Coupons.AsNoTracking().Where(c => couponIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var promotionIds = coupons.Values.Select(c => c.PromotionId).Distinct().ToList();
        var promotions = await db.Promotions.AsNoTracking().Where(p => promotionIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var items = codes.Select(c =>
        {
            var coupon = coupons[c.CouponId];
            var promotion = promotions[coupon.PromotionId];
            return new WalletCoupon(c.Code, coupon.Id, coupon.Name, promotion.Id, promotion.Code, promotion.Name, promotion.Active,
                c.MaxUses, c.Uses, c.MaxUses is { } max ? Math.Max(0, max - c.Uses) : null, c.AssignedCustomerId, c.AssignedEmail);
        }).ToList();
        return TypedResults.Ok(new Wallet(customerId, mail, items));
    }
}
