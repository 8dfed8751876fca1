using System.Net;
using System.Text.Json;
using Omni.IntegrationTests.Infrastructure;

namespace Omni.IntegrationTests.Pricing;

/// <summary>Coupon-only promotions, coupons, orders and store sales with coupons, through the public API.</summary>
internal static class CouponSeed
{
    public static readonly object Lyon = new { line1 = "1 Place Bellecour", city = "Lyon", postalCode = "69002", country = "FR" };

    /// <summary>
    /// A coupon-only promotion taking <paramref name="percent"/> off <paramref name="sku"/>, or off the whole cart when null
    /// (safe in a shared database: it runs only for baskets presenting its coupon); returns its id.
    /// </summary>
    public static async Task<Guid> CouponPromotion(HttpClient api, string? sku, decimal percent = 10)
    {
        var response = await api.PostJson("/api/v1/pricing/promotions", new
        {
            code = OmniFactory.Unique("CPN"), name = $"{percent} % with a coupon", kind = "percentOff",
            target = sku is null ? (object)new { type = "cart" } : new { type = "sku", values = new[] { sku } }, percent, couponOnly = true,
        });
        return (await response.Json(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> SharedCoupon(HttpClient api, Guid promotionId, int? maxUses, int? perCustomerLimit = null)
    {
        var response = await api.PostJson("/api/v1/pricing/coupons", new
        {
            name = "shared", promotionId, kind = "shared", code = OmniFactory.Unique("SAVE"), maxUses, perCustomerLimit,
        });
        return await response.Json(HttpStatusCode.Created);
    }

    public static string Code(JsonElement coupon, int index = 0) => coupon.GetProperty("codes")[index].GetProperty("code").GetString()!;

    public static object Order(string sku, string? coupon, string email = "ana@example.com", string channel = "web", object? address = null) => new
    {
        channel,
        customer = new { email, name = "Ana" },
        shippingAddress = address ?? Lyon,
        lines = new[] { new { sku, quantity = 1, fulfillment = new { method = "ship" } } },
        coupons = coupon is null ? Array.Empty<string>() : [coupon],
    };

    public static object Sale(string sku, string? coupon, decimal unitPrice = 20.00m, string email = "bob@example.com") => new
    {
        lines = new[] { new { sku, quantity = 1, unitPrice = new { amount = unitPrice, currency = "EUR" } } },
        customer = new { email },
        coupons = coupon is null ? Array.Empty<string>() : [coupon],
    };

    public static async Task<JsonElement> Redemptions(HttpClient api, Guid couponId) =>
        (await (await api.GetAsync($"/api/v1/pricing/coupons/{couponId}/redemptions?limit=1000")).Json(HttpStatusCode.OK)).GetProperty("items");

    public static async Task<JsonElement> CouponCodes(HttpClient api, Guid couponId) =>
        (await (await api.GetAsync($"/api/v1/pricing/coupons/{couponId}/codes")).Json(HttpStatusCode.OK)).GetProperty("items");

    public static decimal Amount(JsonElement money) => money.GetProperty("amount").GetDecimal();
}
