using System.Net;
using System.Text.Json;
using Omni.IntegrationTests.Infrastructure;

namespace Omni.IntegrationTests.Carts;

/// <summary>What the storefront's checkout needs of a cart: paying with a card token, and curbside at the shopper's store.</summary>
public abstract class CartCheckoutChoiceTests(OmniFactory omni)
{
    private readonly HttpClient _api = omni.Admin();

    private static object Card(string token) => new { customer = new { email = "ana@example.com" }, payment = new { type = "card", token } };

    private async Task<int> Reserved(string location, string sku) => (await ApiSeed.Position(_api, location, sku)).GetProperty("reserved").GetInt32();

    private async Task<(CartClient Device, Guid Id, string Store, string Sku)> PickupCart(string[]? capabilities = null, string method = "pickup")
    {
        var store = await ApiSeed.Location(_api, "STORE", capabilities: capabilities);
        var sku = await ApiSeed.Product(_api, 12.50m);
        await ApiSeed.Stock(_api, store, sku, 5);
        var (device, id) = await CartClient.NewCart(_api);
        await device.Add(id, sku, 2, method);
        await device.Update(id, new { preferredStore = store });
        return (device, id, store, sku);
    }

    [Fact]
    public async Task A_declined_card_is_refused_and_places_and_reserves_nothing_then_a_good_card_pays()
    {
        var (device, id, store, sku) = await PickupCart();

        var declined = await (await device.Checkout(id, Card("tok_decline"), Guid.NewGuid().ToString())).Problem(HttpStatusCode.PaymentRequired, "payment_declined");

        Assert.Equal("card_declined", declined.GetProperty("declineCode").GetString());
        var after = await device.Get(id);
        Assert.Equal("active", after.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("orderId").ValueKind);
        Assert.Equal(0, await Reserved(store, sku));
        var orders = (await (await _api.GetAsync("/api/v1/orders?email=ana@example.com&sku=" + sku)).Json(HttpStatusCode.OK)).GetProperty("items");
        Assert.Equal(0, orders.GetArrayLength());

        var paid = await (await device.Checkout(id, Card("tok_visa"), Guid.NewGuid().ToString())).Json(HttpStatusCode.Created);
        var payment = await (await _api.GetAsync($"/api/v1/orders/{paid.GetProperty("orderId").GetGuid()}/payment")).Json(HttpStatusCode.OK);
        Assert.Equal("card", payment.GetProperty("tenderType").GetString());
        Assert.Equal(25.00m, payment.GetProperty("authorized").GetProperty("amount").GetDecimal());
        Assert.Equal(2, await Reserved(store, sku));
    }

    [Fact]
    public async Task A_payment_without_a_token_is_a_validation_error_that_changes_nothing()
    {
        var (device, id, store, sku) = await PickupCart();

        var refused = await (await device.Checkout(id, new { payment = new { type = "card" } })).Problem(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Contains(refused.GetProperty("errors").EnumerateObject(), e => e.Name.StartsWith("payment", StringComparison.Ordinal));
        Assert.Equal("active", (await device.Get(id)).GetProperty("status").GetString());
        Assert.Equal(0, await Reserved(store, sku));
    }

    [Fact]
    public async Task Curbside_is_offered_where_the_store_brings_orders_out_and_the_order_is_curbside_at_that_store()
    {
        var (device, id, store, sku) = await PickupCart(method: "curbside");

        var cart = await device.Get(id);
        var line = cart.GetProperty("lines")[0];
        Assert.Equal("curbside", line.GetProperty("fulfillment").GetString());
        Assert.Equal(["ship", "pickup", "curbside"], line.GetProperty("deliveryOptions").EnumerateArray().Select(o => o.GetProperty("method").GetString()));

        var converted = await (await device.Checkout(id, Card("tok_visa"))).Json(HttpStatusCode.Created);
        var order = await (await _api.GetAsync($"/api/v1/orders/{converted.GetProperty("orderId").GetGuid()}")).Json(HttpStatusCode.OK);
        var fulfillment = order.GetProperty("lines")[0].GetProperty("fulfillment");
        Assert.Equal("curbside", fulfillment.GetProperty("method").GetString());
        Assert.Equal(store, fulfillment.GetProperty("locationCode").GetString());
        Assert.Equal(2, await Reserved(store, sku));
    }

    [Fact]
    public async Task A_store_without_curbside_offers_only_pickup()
    {
        var (device, id, _, _) = await PickupCart(capabilities: ["pickup"]);

        var line = (await device.Get(id)).GetProperty("lines")[0];
        Assert.Equal(["pickup"], line.GetProperty("deliveryOptions").EnumerateArray().Select(o => o.GetProperty("method").GetString()));
    }
}

public sealed class CartCheckoutChoiceTests_Sqlite(SqliteOmni omni) : CartCheckoutChoiceTests(omni), IClassFixture<SqliteOmni>;

public sealed class CartCheckoutChoiceTests_Postgres(PostgresOmni omni) : CartCheckoutChoiceTests(omni), IClassFixture<PostgresOmni>;
