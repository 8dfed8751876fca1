using System.Net;
using System.Text.Json;
using Omni.IntegrationTests.Infrastructure;
using static Omni.IntegrationTests.Fulfillment.FulfillmentApi;

namespace Omni.IntegrationTests.Fulfillment;

/// <summary>
/// The money follows the goods, end to end: authorized at the order, captured per fulfillment when it ships or is
/// handed over, voided when a pickup expires, refunded on a return — and captured − refunded is what the customer kept.
/// </summary>
public abstract class PaymentFollowsFulfillmentTests(OmniFactory omni, ShiftedClock clock)
{
    private readonly HttpClient _admin = omni.Admin();
    private FulfillmentApi Api => new(_admin);

    private static object Paid(string method, string? store, string sku, int quantity) => new
    {
        channel = "web",
        customer = new { email = "ana@example.com", name = "Ana" },
        shippingAddress = new { line1 = "1 Place Bellecour", city = "Lyon", postalCode = "69002", country = "FR", latitude = 45.7578, longitude = 4.8320 },
        lines = new[] { new { sku, quantity, fulfillment = new { method, locationCode = store } } },
        payment = new { type = "card", token = "tok_visa" },
    };

    private async Task<JsonElement> Payment(JsonElement order) =>
        await (await _admin.GetAsync($"/api/v1/orders/{Id(order)}/payment")).Json(HttpStatusCode.OK);

    private async Task<JsonElement> PaymentWhen(JsonElement order, Func<JsonElement, bool> settled)
    {
        await omni.WaitForSubscribersAsync();
        var payment = await Payment(order);
        Assert.True(settled(payment), payment.ToString());
        return payment;
    }

    private static decimal Amount(JsonElement payment, string field) => payment.GetProperty(field).GetProperty("amount").GetDecimal();

    [Fact]
    public async Task A_shipped_order_is_captured_and_a_return_refunds_what_came_back()
    {
        var warehouse = await ApiSeed.Location(_admin, "WH", "warehouse", 45.75, 4.85, ["ship"]);
        var store = await ApiSeed.Location(_admin, "STORE");
        var sku = await ApiSeed.Product(_admin, 15m);
        await ApiSeed.Stock(_admin, warehouse, sku, 5);
        var order = await Api.PlaceOrder(Paid("ship", null, sku, 2));
        Assert.Equal(30m, Amount(await Payment(order), "authorized"));

        var id = Id(await Api.Single(order));
        await Api.Do(id, "pick");
        await Api.Do(id, "pack");
        await Api.Do(id, "ship", new { carrier = "Colissimo", trackingNumber = "6A123" });
        var captured = await PaymentWhen(order, p => Amount(p, "captured") == 30m);
        Assert.Equal(30m, Amount(captured, "kept"));

        await (await _admin.PostJson("/api/v1/returns", new
        {
            orderId = Id(order), locationCode = store,
            lines = new[] { new { sku, quantity = 1, condition = "sellable", reason = "too small" } },
            refundTo = "originalTender",
        }, Guid.NewGuid().ToString())).Json(HttpStatusCode.Created);

        var afterReturn = await Payment(order);
        Assert.Equal(15m, Amount(afterReturn, "refunded"));
        Assert.Equal(Amount(afterReturn, "captured") - Amount(afterReturn, "refunded"), Amount(afterReturn, "kept"));
        Assert.Equal(15m, Amount(afterReturn, "kept"));
    }

    [Fact]
    public async Task A_collected_pickup_is_captured_and_an_expired_one_is_voided()
    {
        var store = await ApiSeed.LocationWithCode(_admin, OmniFactory.Unique("STORE"), pickupHoldDays: 1);
        var sku = await ApiSeed.Product(_admin, 8m);
        await ApiSeed.Stock(_admin, store, sku, 10);

        var collected = await Api.PlaceOrder(Paid("pickup", store, sku, 2));
        var first = Id(await Api.Single(collected));
        await Api.Do(first, "pick");
        var code = (await Api.Do(first, "ready")).GetProperty("pickupCode").GetString();
        await Api.Do(first, "handover", new { pickupCode = code });
        Assert.Equal(16m, Amount(await PaymentWhen(collected, p => Amount(p, "captured") == 16m), "kept"));

        var forgotten = await Api.PlaceOrder(Paid("pickup", store, sku, 3));
        var second = Id(await Api.Single(forgotten));
        await Api.Do(second, "pick");
        await Api.Do(second, "ready");
        clock.Advance(TimeSpan.FromDays(1.5));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Status(await Api.Get(second)) != "expired")
        {
            Assert.True(DateTime.UtcNow < deadline, "The pickup did not expire.");
            await Task.Delay(50);
        }

        var voided = await PaymentWhen(forgotten, p => Amount(p, "voided") == 24m);
        Assert.Equal(0m, Amount(voided, "captured"));
        Assert.Equal(0m, Amount(voided, "kept"));
    }
}

public sealed class PaymentFollowsFulfillmentTests_Sqlite(FulfillmentSqliteOmni omni)
    : PaymentFollowsFulfillmentTests(omni, omni.Clock), IClassFixture<FulfillmentSqliteOmni>;

public sealed class PaymentFollowsFulfillmentTests_Postgres(FulfillmentPostgresOmni omni)
    : PaymentFollowsFulfillmentTests(omni, omni.Clock), IClassFixture<FulfillmentPostgresOmni>;
