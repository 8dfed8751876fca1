using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Omni.IntegrationTests.Infrastructure;
using Omni.Pricing.Data;
using Omni.Pricing.Domain;
using static Omni.IntegrationTests.Pricing.CouponSeed;

namespace Omni.IntegrationTests.Orders;

/// <summary>Orders and store sales name the customer profile their buyer resolves to, and per-customer limits follow it.</summary>
public abstract class OrderCustomerTests(OmniFactory omni)
{
    private readonly HttpClient _api = omni.Admin();

    [Fact]
    public async Task Orders_and_store_sales_carry_the_customer_their_buyer_resolves_to_and_can_be_listed_by_it()
    {
        var (store, sku) = await StoreWithStock();
        var email = $"{Guid.NewGuid():N}@example.com";

        var online = await Place(Order(sku, null, email));
        var atTill = await (await _api.PostJson($"/api/v1/stores/{store}/sales", Sale(sku, null, email: email.ToUpperInvariant()), Guid.NewGuid().ToString()))
            .Json(HttpStatusCode.Created);
        var someoneElse = await Place(Order(sku, null, $"{Guid.NewGuid():N}@example.com"));

        var customerId = CustomerId(online);
        Assert.Equal(customerId, CustomerId(atTill));
        Assert.NotEqual(customerId, CustomerId(someoneElse));
        var profile = await (await _api.GetAsync($"/api/v1/customers/{customerId}")).Json(HttpStatusCode.OK);
        Assert.Contains(email, profile.GetProperty("profile").GetProperty("emails").EnumerateArray().Select(e => e.GetString()));
        var listed = await (await _api.GetAsync($"/api/v1/orders?customerId={customerId}")).Json(HttpStatusCode.OK);
        Assert.Equal([Id(atTill), Id(online)], listed.GetProperty("items").EnumerateArray().Select(Id).ToList());
        Assert.Equal(customerId, CustomerId(await (await _api.GetAsync($"/api/v1/orders/{Id(online)}")).Json(HttpStatusCode.OK)));
        var problem = await (await _api.GetAsync("/api/v1/orders?customerId=not-a-customer")).Problem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("customerId", out _));
    }

    [Fact]
    public async Task An_order_for_a_known_customer_id_belongs_to_it_and_an_unknown_id_is_refused_without_reserving_anything()
    {
        var (store, sku) = await StoreWithStock();
        var known = CustomerId(await Place(Order(sku, null, $"{Guid.NewGuid():N}@example.com")));

        var forKnown = await Place(new
        {
            channel = "web", customerId = known, customer = new { email = $"{Guid.NewGuid():N}@example.com" }, shippingAddress = Lyon,
            lines = new[] { new { sku, quantity = 1, fulfillment = new { method = "ship" } } },
        });
        var unknown = await (await _api.PostJson("/api/v1/orders", new
        {
            channel = "web", customerId = Guid.NewGuid(), shippingAddress = Lyon,
            lines = new[] { new { sku, quantity = 1, fulfillment = new { method = "ship" } } },
        }, Guid.NewGuid().ToString())).Problem(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(known, CustomerId(forKnown));
        Assert.True(unknown.GetProperty("errors").TryGetProperty("customerId", out _));
        var position = await ApiSeed.Position(_api, store, sku);
        Assert.Equal((100, 2), (position.GetProperty("onHand").GetInt32(), position.GetProperty("reserved").GetInt32()));
        await StockInvariants.AssertAsync(omni);
    }

    [Fact]
    public async Task A_per_customer_coupon_limit_counts_the_uses_made_under_the_e_mail_before_orders_carried_the_customer_id()
    {
        var (_, sku) = await StoreWithStock();
        var coupon = await SharedCoupon(_api, await CouponPromotion(_api, sku), maxUses: null, perCustomerLimit: 2);
        var code = Code(coupon);
        var earlier = $"{Guid.NewGuid():N}@example.com";
        // A use counted before orders resolved their customer: keyed by the e-mail alone.
        await omni.InScope(async sp =>
        {
            var db = sp.GetRequiredService<PricingDbContext>();
            db.CouponCustomerUses.Add(new CouponCustomerUse { CouponId = coupon.GetProperty("id").GetGuid(), CustomerKey = $"email:{earlier}", Uses = 1 });
            return await db.SaveChangesAsync();
        });
        var fresh = $"{Guid.NewGuid():N}@example.com";

        var second = await Place(Order(sku, code, earlier));
        await (await _api.PostJson("/api/v1/orders", Order(sku, code, earlier.ToUpperInvariant()))).Problem(HttpStatusCode.Conflict, "coupon_limit_per_customer");
        await Place(Order(sku, code, fresh));
        await Place(Order(sku, code, fresh));
        await (await _api.PostJson("/api/v1/orders", Order(sku, code, fresh))).Problem(HttpStatusCode.Conflict, "coupon_limit_per_customer");

        Assert.Equal([code], second.GetProperty("coupons").EnumerateArray().Select(c => c.GetString()).ToList());
    }

    private async Task<(string Store, string Sku)> StoreWithStock()
    {
        var store = await ApiSeed.Location(_api, "STORE", "store", 45.76, 4.83, ApiSeed.AllCapabilities);
        var sku = await ApiSeed.Product(_api, 20.00m);
        await ApiSeed.Stock(_api, store, sku, 100);
        return (store, sku);
    }

    private async Task<JsonElement> Place(object order) =>
        await (await _api.PostJson("/api/v1/orders", order, Guid.NewGuid().ToString())).Json(HttpStatusCode.Created);

    private static Guid Id(JsonElement order) => order.GetProperty("id").GetGuid();

    private static Guid CustomerId(JsonElement order) => order.GetProperty("customerId").GetGuid();
}

public sealed class OrderCustomerTests_Sqlite(SqliteOmni omni) : OrderCustomerTests(omni), IClassFixture<SqliteOmni>;

public sealed class OrderCustomerTests_Postgres(PostgresOmni omni) : OrderCustomerTests(omni), IClassFixture<PostgresOmni>;
