using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omni.IntegrationTests.Infrastructure;
using Omni.Orders.Data;
using static Omni.IntegrationTests.Pricing.CouponSeed;

namespace Omni.IntegrationTests.Pricing;

/// <summary>Coupons on orders, store sales and quotes, the wallet, and tax, end to end through HTTP.</summary>
public abstract class CouponTests(OmniFactory omni)
{
    private readonly HttpClient _api = omni.Admin();

    private async Task<(string Warehouse, string Store, string Sku)> Network(decimal price = 20.00m)
    {
        var warehouse = await ApiSeed.Location(_api, "WH", "warehouse", capabilities: ["ship"]);
        var store = await ApiSeed.Location(_api, "STORE");
        var sku = await ApiSeed.Product(_api, price);
        await ApiSeed.Stock(_api, warehouse, sku, 100);
        await ApiSeed.Stock(_api, store, sku, 100);
        return (warehouse, store, sku);
    }

    [Fact]
    public async Task An_order_with_a_coupon_is_priced_like_its_quote_counts_a_use_and_cancelling_gives_the_use_back()
    {
        var (_, _, sku) = await Network();
        var coupon = await SharedCoupon(_api, await CouponPromotion(_api, sku, 25), maxUses: 1);
        var code = Code(coupon);
        var couponId = coupon.GetProperty("id").GetGuid();

        var quote = await (await _api.PostJson("/api/v1/pricing/quote", new
        {
            channel = "web", lines = new[] { new { sku, quantity = 1 } }, coupons = new[] { code.ToLowerInvariant() },
        })).Json(HttpStatusCode.OK);
        var order = await (await _api.PostJson("/api/v1/orders", Order(sku, code))).Json(HttpStatusCode.Created);

        Assert.Equal(15.00m, Amount(quote.GetProperty("total")));
        Assert.Equal(code, quote.GetProperty("coupons")[0].GetProperty("code").GetString());
        Assert.Equal(Amount(quote.GetProperty("total")), Amount(order.GetProperty("total")));
        var line = order.GetProperty("lines")[0];
        Assert.Equal(20.00m, Amount(line.GetProperty("unitPrice")));
        Assert.Equal(5.00m, Amount(line.GetProperty("discount")));
        Assert.Equal(15.00m, Amount(line.GetProperty("lineTotal")));
        Assert.Single(line.GetProperty("promotions").EnumerateArray());
        Assert.Equal([code], order.GetProperty("coupons").EnumerateArray().Select(c => c.GetString()));
        var redemption = Assert.Single((await Redemptions(_api, couponId)).EnumerateArray());
        Assert.Equal(order.GetProperty("id").GetGuid(), redemption.GetProperty("orderId").GetGuid());
        Assert.Equal(5.00m, Amount(redemption.GetProperty("discount")));

        await (await _api.PostJson("/api/v1/orders", Order(sku, code, "other@example.com"))).Problem(HttpStatusCode.Conflict, "coupon_exhausted");

        await (await _api.PostJson($"/api/v1/orders/{order.GetProperty("id").GetGuid()}/cancel", new { reason = "changed mind" })).Json(HttpStatusCode.OK);
        Assert.Equal("released", (await Redemptions(_api, couponId))[0].GetProperty("status").GetString());
        Assert.Equal(0, (await CouponCodes(_api, couponId))[0].GetProperty("uses").GetInt32());
        await (await _api.PostJson("/api/v1/orders", Order(sku, code, "other@example.com"))).Json(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_refused_coupon_writes_nothing_neither_order_nor_reservation_nor_use()
    {
        var (warehouse, _, sku) = await Network();
        var other = await ApiSeed.Product(_api);
        var coupon = await SharedCoupon(_api, await CouponPromotion(_api, other), maxUses: 5);
        var ordersBefore = await OrderCount();

        await (await _api.PostJson("/api/v1/orders", Order(sku, "NO-SUCH-CODE"))).Problem(HttpStatusCode.Conflict, "coupon_invalid");
        var notApplicable = await (await _api.PostJson("/api/v1/orders", Order(sku, Code(coupon)))).Problem(HttpStatusCode.Conflict, "coupon_not_applicable");

        Assert.Equal(Code(coupon), notApplicable.GetProperty("coupon").GetString());
        Assert.Equal(ordersBefore, await OrderCount());
        Assert.Equal(0, (await ApiSeed.Position(_api, warehouse, sku)).GetProperty("reserved").GetInt32());
        Assert.Equal(0, (await CouponCodes(_api, coupon.GetProperty("id").GetGuid()))[0].GetProperty("uses").GetInt32());
        await (await _api.PostJson("/api/v1/pricing/quote", new { channel = "web", lines = new[] { new { sku, quantity = 1 } }, coupons = new[] { "NO-SUCH-CODE" } }))
            .Problem(HttpStatusCode.Conflict, "coupon_invalid");
    }

    [Fact]
    public async Task Assigned_codes_fill_the_customer_s_wallet_and_only_their_owner_may_use_them()
    {
        var (_, _, sku) = await Network();
        var promotionId = await CouponPromotion(_api, sku);
        var customerId = Guid.NewGuid();
        var email = $"{Guid.NewGuid():N}@example.com";
        var batch = await (await _api.PostJson("/api/v1/pricing/coupons", new
        {
            name = "welcome", promotionId, kind = "unique", prefix = "WELCOME",
            recipients = new object[] { new { customerId, email }, new { email = "someone@example.com" } },
        })).Json(HttpStatusCode.Created);
        var mine = Code(batch);

        var wallet = await (await _api.GetAsync($"/api/v1/pricing/wallet?customerId={customerId}")).Json(HttpStatusCode.OK);
        var byEmail = await (await _api.GetAsync($"/api/v1/pricing/wallet?email={email.ToUpperInvariant()}")).Json(HttpStatusCode.OK);

        Assert.Equal(2, batch.GetProperty("codeCount").GetInt32());
        Assert.Matches("^WELCOME-[2-9A-Z]{4}-[2-9A-Z]{4}$", mine);
        var entry = Assert.Single(wallet.GetProperty("items").EnumerateArray());
        Assert.Equal(mine, entry.GetProperty("code").GetString());
        Assert.Equal(1, entry.GetProperty("usesLeft").GetInt32());
        Assert.Equal(mine, Assert.Single(byEmail.GetProperty("items").EnumerateArray()).GetProperty("code").GetString());

        await (await _api.PostJson("/api/v1/orders", Order(sku, mine, "thief@example.com"))).Problem(HttpStatusCode.Conflict, "coupon_invalid");
        await (await _api.PostJson("/api/v1/orders", Order(sku, mine, email))).Json(HttpStatusCode.Created);
        await (await _api.PostJson("/api/v1/orders", Order(sku, mine, email))).Problem(HttpStatusCode.Conflict, "coupon_exhausted");
        var after = await (await _api.GetAsync($"/api/v1/pricing/wallet?customerId={customerId}")).Json(HttpStatusCode.OK);
        Assert.Equal(0, after.GetProperty("items")[0].GetProperty("usesLeft").GetInt32());
    }

    [Fact]
    public async Task A_store_sale_over_the_limit_is_recorded_flagged_and_reported_and_an_unknown_code_is_refused()
    {
        var (_, store, sku) = await Network();
        var coupon = await SharedCoupon(_api, await CouponPromotion(_api, sku, 10), maxUses: 1);
        var code = Code(coupon);
        var couponId = coupon.GetProperty("id").GetGuid();

        var first = await (await _api.PostJson($"/api/v1/stores/{store}/sales", Sale(sku, code, 18.00m))).Json(HttpStatusCode.Created);
        var offline = await (await _api.PostJson($"/api/v1/stores/{store}/sales", Sale(sku, code, 18.00m))).Json(HttpStatusCode.Created);
        await (await _api.PostJson($"/api/v1/stores/{store}/sales", Sale(sku, "NO-SUCH-CODE"))).Problem(HttpStatusCode.Conflict, "coupon_invalid");

        Assert.Equal(16.20m, Amount(first.GetProperty("total")));
        Assert.Equal(16.20m, Amount(offline.GetProperty("total")));
        var redemptions = (await Redemptions(_api, couponId)).EnumerateArray().ToList();
        Assert.Equal([false, true], redemptions.Select(r => r.GetProperty("overLimit").GetBoolean()));
        Assert.Equal("coupon_exhausted", redemptions[1].GetProperty("overLimitReason").GetString());
        Assert.Equal(1, (await CouponCodes(_api, couponId))[0].GetProperty("uses").GetInt32());
        var report = await (await _api.GetAsync("/api/v1/pricing/coupons/over-limit?limit=1000")).Json(HttpStatusCode.OK);
        Assert.Contains(report.GetProperty("items").EnumerateArray(), r => r.GetProperty("orderId").GetGuid() == offline.GetProperty("id").GetGuid());
        Assert.DoesNotContain(report.GetProperty("items").EnumerateArray(), r => r.GetProperty("orderId").GetGuid() == first.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Vat_inclusive_countries_show_the_vat_inside_prices_and_sales_tax_countries_add_it_on_top()
    {
        var (_, _, sku) = await Network(12.00m);
        await (await _api.PutJson("/api/v1/pricing/tax-rates/DE", new { name = "MwSt", rate = 19, inclusive = true })).Json(HttpStatusCode.OK);
        await (await _api.PutJson("/api/v1/pricing/tax-rates/US", new { name = "Sales tax", rate = 5, inclusive = false })).Json(HttpStatusCode.OK);
        await (await _api.PutJson("/api/v1/pricing/tax-rates/US/CA", new { name = "Sales tax", rate = 7.25m, inclusive = false })).Json(HttpStatusCode.OK);

        async Task<System.Text.Json.JsonElement> Quote(string country, string? region) =>
            await (await _api.PostJson("/api/v1/pricing/quote", new { channel = "web", country, region, lines = new[] { new { sku, quantity = 3 } } })).Json(HttpStatusCode.OK);
        var germany = await Quote("DE", null);
        var california = await Quote("US", "CA");
        var texas = await Quote("US", "TX");
        var france = await Quote("FR", null);

        Assert.Equal(36.00m, Amount(germany.GetProperty("total")));
        Assert.Equal(5.75m, Amount(germany.GetProperty("taxTotal")));          // 36 × 19 / 119 = 5.747…
        Assert.Equal(5.75m, Amount(germany.GetProperty("lines")[0].GetProperty("tax")));
        Assert.True(germany.GetProperty("tax").GetProperty("inclusive").GetBoolean());
        Assert.Equal(38.61m, Amount(california.GetProperty("total")));         // 36 + 2.61
        Assert.Equal(7.25m, california.GetProperty("tax").GetProperty("rate").GetDecimal());
        Assert.Equal(37.80m, Amount(texas.GetProperty("total")));              // the country's 5 %
        Assert.Equal(36.00m, Amount(france.GetProperty("total")));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, france.GetProperty("tax").ValueKind);

        var order = await (await _api.PostJson("/api/v1/orders", Order(sku, null, address: new { line1 = "1 Unter den Linden", city = "Berlin", postalCode = "10117", country = "DE" })))
            .Json(HttpStatusCode.Created);
        Assert.Equal(12.00m, Amount(order.GetProperty("total")));
        Assert.Equal(1.92m, Amount(order.GetProperty("taxTotal")));
        Assert.True(order.GetProperty("taxIncluded").GetBoolean());

        var rates = await (await _api.GetAsync("/api/v1/pricing/tax-rates")).Json(HttpStatusCode.OK);
        Assert.Contains(rates.GetProperty("items").EnumerateArray(), r => r.GetProperty("country").GetString() == "US" && r.GetProperty("region").GetString() == "CA");
        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync("/api/v1/pricing/tax-rates/US/CA")).StatusCode);
        Assert.Equal(37.80m, Amount((await Quote("US", "CA")).GetProperty("total")));
        await (await _api.DeleteAsync("/api/v1/pricing/tax-rates/US/CA")).Problem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Coupons_need_a_coupon_only_promotion_and_a_unique_code()
    {
        var sku = await ApiSeed.Product(_api);
        var open = await (await _api.PostJson("/api/v1/pricing/promotions", new
        {
            code = OmniFactory.Unique("OPEN"), name = "open", kind = "percentOff", target = new { type = "sku", values = new[] { sku } }, percent = 5,
        })).Json(HttpStatusCode.Created);
        var coupon = await SharedCoupon(_api, await CouponPromotion(_api, sku), maxUses: null);

        var notCouponOnly = await _api.PostJson("/api/v1/pricing/coupons", new { name = "x", promotionId = open.GetProperty("id").GetGuid(), kind = "shared", code = "OPEN-5" });
        var duplicate = await _api.PostJson("/api/v1/pricing/coupons", new { name = "x", promotionId = coupon.GetProperty("promotionId").GetGuid(), kind = "shared", code = Code(coupon) });

        Assert.Contains("promotionId", (await notCouponOnly.Json(HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        await duplicate.Problem(HttpStatusCode.Conflict, "duplicate");
        await (await _api.GetAsync($"/api/v1/pricing/coupons/{Guid.NewGuid()}")).Problem(HttpStatusCode.NotFound, "not_found");
        await (await _api.GetAsync($"/api/v1/pricing/coupons/{Guid.NewGuid()}/codes")).Problem(HttpStatusCode.NotFound, "not_found");
        var details = await (await _api.GetAsync($"/api/v1/pricing/coupons/{coupon.GetProperty("id").GetGuid()}")).Json(HttpStatusCode.OK);
        Assert.Equal(1, details.GetProperty("codeCount").GetInt32());
    }

    private Task<int> OrderCount() => omni.InScope(sp => sp.GetRequiredService<OrdersDbContext>().Orders.CountAsync());
}

public sealed class CouponTests_Sqlite(SqliteOmni omni) : CouponTests(omni), IClassFixture<SqliteOmni>;

public sealed class CouponTests_Postgres(PostgresOmni omni) : CouponTests(omni), IClassFixture<PostgresOmni>;
