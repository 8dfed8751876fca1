using System.Net;
using System.Text.Json;
using Omni.IntegrationTests.Infrastructure;

namespace Omni.IntegrationTests.Customers;

/// <summary>Loyalty points as a discount on an order, and what cancelling the order does to the balance.</summary>
public abstract class LoyaltyOrderTests(OmniFactory omni)
{
    private readonly HttpClient _api = omni.Admin();

    private static readonly object Lyon = new { line1 = "1 Place Bellecour", city = "Lyon", postalCode = "69002", country = "FR", latitude = 45.7578, longitude = 4.8320 };

    [Fact]
    public async Task Points_pay_part_of_an_order_and_cancelling_it_gives_them_back_and_takes_back_what_it_earned()
    {
        var warehouse = await ApiSeed.Location(_api, "WH", "warehouse", 45.75, 4.85, ["ship"]);
        var sku = await ApiSeed.Product(_api, 300.00m);
        await ApiSeed.Stock(_api, warehouse, sku, 10);
        var email = CustomerSeed.Email();
        var first = await Place(Order(sku, email, points: null));
        var customerId = first.GetProperty("customerId").GetGuid();
        await omni.WaitForSubscribersAsync();
        Assert.Equal(300, await Balance(customerId));

        var tooMany = await (await _api.PostJson("/api/v1/orders", Order(sku, email, points: 301), Guid.NewGuid().ToString()))
            .Problem(HttpStatusCode.Conflict, "insufficient_points");
        Assert.Equal(300, tooMany.GetProperty("balance").GetInt64());
        var anonymous = await (await _api.PostJson("/api/v1/orders", Order(sku, null, points: 10), Guid.NewGuid().ToString()))
            .Problem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(anonymous.GetProperty("errors").TryGetProperty("loyaltyPoints", out _));
        Assert.Equal(1, (await ApiSeed.Position(_api, warehouse, sku)).GetProperty("reserved").GetInt32());

        var second = await Place(Order(sku, email, points: 250));

        Assert.Equal((297.50m, 2.50m, 250L), (Amount(second, "total"), Amount(second, "discountTotal"), second.GetProperty("loyaltyPoints").GetInt64()));
        Assert.Equal(297.50m, second.GetProperty("lines")[0].GetProperty("lineTotal").GetProperty("amount").GetDecimal());
        await omni.WaitForSubscribersAsync();
        // 300 earned, 250 paid with, 297 earned by the second order (on what was paid in money, fractions dropped).
        Assert.Equal(300 - 250 + 297, await Balance(customerId));

        await (await _api.PostJson($"/api/v1/orders/{second.GetProperty("id").GetGuid()}/cancel", new { reason = "changed my mind" })).Json(HttpStatusCode.OK);
        await omni.WaitForSubscribersAsync();
        Assert.Equal(300, await Balance(customerId));
        await (await _api.PostJson($"/api/v1/orders/{first.GetProperty("id").GetGuid()}/cancel", new { })).Json(HttpStatusCode.OK);
        await omni.WaitForSubscribersAsync();
        Assert.Equal(0, await Balance(customerId));
        var loyalty = await (await _api.GetAsync($"/api/v1/customers/{customerId}/loyalty")).Json(HttpStatusCode.OK);
        var kinds = loyalty.GetProperty("ledger").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).Order().ToList();
        Assert.Equal(["earn", "earn", "earn_reversed", "earn_reversed", "redeem", "release"], kinds);
    }

    private async Task<JsonElement> Place(object order) =>
        await (await _api.PostJson("/api/v1/orders", order, Guid.NewGuid().ToString())).Json(HttpStatusCode.Created);

    private async Task<long> Balance(Guid customerId) =>
        (await (await _api.GetAsync($"/api/v1/customers/{customerId}/loyalty")).Json(HttpStatusCode.OK)).GetProperty("summary").GetProperty("balance").GetInt64();

    private static object Order(string sku, string? email, long? points) => new
    {
        channel = "web",
        customer = email is null ? null : new { email, name = "Ana" },
        shippingAddress = Lyon,
        lines = new[] { new { sku, quantity = 1, fulfillment = new { method = "ship" } } },
        loyaltyPoints = points,
    };

    private static decimal Amount(JsonElement order, string field) => order.GetProperty(field).GetProperty("amount").GetDecimal();
}

public sealed class LoyaltyOrderTests_Sqlite(SqliteOmni omni) : LoyaltyOrderTests(omni), IClassFixture<SqliteOmni>;

public sealed class LoyaltyOrderTests_Postgres(PostgresOmni omni) : LoyaltyOrderTests(omni), IClassFixture<PostgresOmni>;
