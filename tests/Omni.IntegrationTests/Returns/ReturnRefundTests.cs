using System.Net;
using Omni.IntegrationTests.Infrastructure;
using Omni.IntegrationTests.Integration;
using static Omni.IntegrationTests.Orders.OrderRequests;
using static Omni.IntegrationTests.Returns.ReturnSeed;

namespace Omni.IntegrationTests.Returns;

/// <summary>Refunds paid through IPayments: to the card, as store credit, declined, and never twice.</summary>
public abstract class ReturnRefundTests(OmniFactory omni)
{
    private readonly HttpClient _api = omni.Admin();

    private async Task<(Guid Sale, string Store, string Sku)> CardSale(int quantity, decimal unitPrice)
    {
        var sku = await Product(_api, "apparel/tops", unitPrice);
        var store = await ApiSeed.Location(_api, "STORE");
        await ApiSeed.Stock(_api, store, sku, quantity);
        var sale = await (await _api.PostJson($"/api/v1/stores/{store}/sales", new
        {
            lines = new[] { new { sku, quantity, unitPrice = new { amount = unitPrice, currency = "EUR" } } },
            customer = new { email = $"{Guid.NewGuid():N}@example.com" },
            payment = new { type = "card", token = "tok_visa" },
        }, Guid.NewGuid().ToString())).Json(HttpStatusCode.Created);
        return (sale.GetProperty("id").GetGuid(), store, sku);
    }

    [Fact]
    public async Task A_refund_to_the_original_tender_is_paid_in_the_same_step_and_only_once()
    {
        var (sale, store, sku) = await CardSale(2, 20m);
        var key = Guid.NewGuid().ToString();

        var received = await Accepted(_api, Return(sale, store, (sku, 1, "sellable")), key);
        var retried = await Accepted(_api, Return(sale, store, (sku, 1, "sellable")), key);

        var refund = received.GetProperty("refund");
        Assert.Equal("refunded", received.GetProperty("status").GetString());
        Assert.Equal("refunded", refund.GetProperty("status").GetString());
        Assert.Equal(20m, refund.GetProperty("amount").Amount());
        Assert.False(string.IsNullOrEmpty(refund.GetProperty("reference").GetString()));
        Assert.Equal(received.GetProperty("id").GetGuid(), retried.GetProperty("id").GetGuid());
        var payment = await (await _api.GetAsync($"/api/v1/orders/{sale}/payment")).Json(HttpStatusCode.OK);
        Assert.Equal(20m, payment.GetProperty("refunded").Amount());
        await Feed.WaitForOne(_api, "return.refunded", e => e.GetProperty("data").GetProperty("returnId").GetGuid() == received.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_refund_as_store_credit_lands_on_a_store_credit()
    {
        var (sale, store, sku) = await CardSale(3, 12.5m);

        var received = await Accepted(_api, new
        {
            orderId = sale, locationCode = store, refundTo = "storeCredit",
            lines = new[] { new { sku, quantity = 2, condition = "opened" } },
        });

        var refund = received.GetProperty("refund");
        Assert.Equal("storeCredit", refund.GetProperty("to").GetString());
        var credit = await (await _api.GetAsync($"/api/v1/store-credits/{refund.GetProperty("reference").GetString()}")).Json(HttpStatusCode.OK);
        Assert.Equal(25m, credit.GetProperty("balance").Amount());
    }

    [Fact]
    public async Task A_declined_refund_refuses_the_whole_return()
    {
        // Authorized but never captured (nothing shipped yet): there is nothing the provider could refund.
        var sku = await Product(_api, "apparel/tops", 20m);
        var warehouse = await ApiSeed.Location(_api, "WH", "warehouse", capabilities: ["ship"]);
        await ApiSeed.Stock(_api, warehouse, sku, 5);
        var order = await (await _api.PostJson("/api/v1/orders", new
        {
            channel = "web", customer = new { email = "ana@example.com" }, shippingAddress = Lyon,
            lines = new[] { new { sku, quantity = 1, fulfillment = new { method = "ship" } } },
            payment = new { type = "card", token = "tok_visa" },
        }, Guid.NewGuid().ToString())).Json(HttpStatusCode.Created);
        var orderId = order.GetProperty("id").GetGuid();
        var store = await ApiSeed.Location(_api, "STORE");

        await (await _api.PostJson("/api/v1/returns", Return(orderId, store, (sku, 1, "sellable")))).Problem(HttpStatusCode.Conflict, "refund_declined");

        Assert.Equal(0, (await ApiSeed.Position(_api, store, sku)).GetProperty("onHand").GetInt32());
        Assert.Equal(0, (await (await _api.GetAsync($"/api/v1/returns?orderId={orderId}")).Json(HttpStatusCode.OK)).GetProperty("items").GetArrayLength());
    }
}

public sealed class ReturnRefundTests_Sqlite(SqliteOmni omni) : ReturnRefundTests(omni), IClassFixture<SqliteOmni>;

public sealed class ReturnRefundTests_Postgres(PostgresOmni omni) : ReturnRefundTests(omni), IClassFixture<PostgresOmni>;
