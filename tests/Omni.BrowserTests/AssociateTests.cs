using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Omni.BrowserTests.Infrastructure;
using Omni.IntegrationTests.Infrastructure;
using static Omni.BrowserTests.Infrastructure.AssociateSteps;
using static Omni.BrowserTests.Infrastructure.Forms;

namespace Omni.BrowserTests;

/// <summary>The store associate's app on a tablet, in Debian's chromium against a real server, on SQLite and on PostgreSQL.</summary>
public abstract class AssociateTests(BrowserOmni web)
{
    private static readonly object Lyon = new { line1 = "1 Place Bellecour", city = "Lyon", postalCode = "69002", country = "FR", latitude = 45.7578, longitude = 4.8320 };
    private readonly BrowserOmni _web = web;
    private readonly HttpClient _admin = web.Admin();

    [Fact]
    public async Task A_short_pick_corrects_the_stores_count_and_re_sources_the_missing_units_then_the_rest_ships_with_tracking()
    {
        var store = await ApiSeed.Location(_admin, "STORE", lat: 45.76, lon: 4.83, capabilities: ["ship", "pickup"]);
        var warehouse = await ApiSeed.Location(_admin, "WH", "warehouse", 48.85, 2.35, ["ship"]);
        var sku = await ApiSeed.Product(_admin, 5.00m);
        await ApiSeed.Stock(_admin, store, sku, 3);
        await (await _admin.PutJson($"/api/v1/inventory/{store}/{sku}/bin", new { bin = "B07-2" })).Json(HttpStatusCode.OK);
        var order = await PlaceAsync(new
        {
            channel = "web", customer = new { email = "ship@example.com", name = "Sam Ship" }, shippingAddress = Lyon,
            lines = new[] { new { sku, quantity = 3, fulfillment = new { method = "ship" } } },
        });
        await ApiSeed.Stock(_admin, warehouse, sku, 10);
        var number = order.GetProperty("number").GetString()!;
        var associate = await AssociateOfAsync(_web, store);

        await OpenFromQueueAsync(associate, store, "picks", number);
        Assert.Equal("B07-2", await associate.Locator($"[data-test=pick-line][data-sku='{sku}'] [data-test=bin]").InnerTextAsync());
        await associate.FillAsync($"[data-test=pick-line][data-sku='{sku}'] [data-test=found]", "1");
        await SubmitAsync(associate, "[data-test=pick]");

        Assert.Equal("picking", await StatusOnPageAsync(associate));
        Assert.Equal("2", await associate.Locator($"[data-test=pick-line][data-sku='{sku}'] [data-test=short]").InnerTextAsync());
        Assert.Contains($"Re-sourced to {warehouse} × 2", await associate.Locator("[data-test=resourced]").InnerTextAsync());
        var fulfillments = await FulfillmentsAsync(order);
        var resourced = Assert.Single(fulfillments, f => f.GetProperty("locationCode").GetString() == warehouse);
        Assert.Equal(2, resourced.GetProperty("lines")[0].GetProperty("quantity").GetInt32());
        var position = await ApiSeed.Position(_admin, store, sku);
        Assert.Equal((1, 1), (position.GetProperty("onHand").GetInt32(), position.GetProperty("reserved").GetInt32()));

        await SubmitAsync(associate, "[data-test=pack]");
        await associate.FillAsync("[data-test=carrier]", "Colissimo");
        await associate.FillAsync("[data-test=tracking]", "6A12345678901");
        await SubmitAsync(associate, "[data-test=ship]");
        Assert.Equal("shipped", await StatusOnPageAsync(associate));
        var shipped = Assert.Single(await FulfillmentsAsync(order), f => f.GetProperty("locationCode").GetString() == store);
        Assert.Equal(("shipped", "6A12345678901"), (shipped.GetProperty("status").GetString(), shipped.GetProperty("trackingNumber").GetString()));
        await PageFit.AssertFitsHereAsync(associate, "associate-fulfillment-tablet");
    }

    [Fact]
    public async Task A_curbside_customer_is_marked_arrived_and_the_order_brought_out_with_the_code()
    {
        var store = await ApiSeed.Location(_admin, "STORE");
        var sku = await ApiSeed.Product(_admin);
        await ApiSeed.Stock(_admin, store, sku, 2);
        var order = await PlaceAsync(new
        {
            channel = "app", customer = new { email = "car@example.com", name = "Carla Curb" },
            lines = new[] { new { sku, quantity = 1, fulfillment = new { method = "curbside", locationCode = store } } },
        });
        var number = order.GetProperty("number").GetString()!;
        var associate = await AssociateOfAsync(_web, store);
        await PickAndMakeReadyAsync(associate, store, number);

        await SubmitAsync(associate, "[data-test=arrived]");
        Assert.Equal("customer_arrived", await StatusOnPageAsync(associate));
        await associate.GotoAsync($"/associate/{store}/queue");
        Assert.Equal("1", await associate.Locator("[data-test=count-arrivals] b").InnerTextAsync());

        await OpenFromQueueAsync(associate, store, "arrivals", number);
        await HandOverAsync(associate, await PickupCodeAsync(order));
        await AssertCollectedAsync(order);
    }

    [Fact]
    public async Task An_associate_cannot_open_another_stores_queue_or_its_fulfillments()
    {
        var own = await ApiSeed.Location(_admin, "STORE");
        var other = await ApiSeed.Location(_admin, "STORE");
        var sku = await ApiSeed.Product(_admin);
        await ApiSeed.Stock(_admin, other, sku, 2);
        var elsewhere = await PlaceAsync(new
        {
            channel = "web", customer = new { email = "ana@example.com", name = "Ana Shopper" },
            lines = new[] { new { sku, quantity = 1, fulfillment = new { method = "pickup", locationCode = other } } },
        });
        var fulfillment = Assert.Single(await FulfillmentsAsync(elsewhere)).GetProperty("id").GetGuid();
        var associate = await AssociateOfAsync(_web, own);

        foreach (var path in new[] { $"/associate/{other}/queue", $"/associate/{other}/fulfillments/{fulfillment}", $"/associate/{other}/pickups?q=x" })
        {
            await associate.GotoAsync(path);
            Assert.Equal("/denied", new Uri(associate.Url).AbsolutePath);
        }

        // Through the associate's own store's address, the other store's fulfillment is still refused by the handler.
        await associate.GotoAsync($"/associate/{own}/fulfillments/{fulfillment}");
        Assert.Equal(0, await associate.Locator("[data-test=fulfillment-status]").CountAsync());
        Assert.NotEmpty(await associate.Locator("[role=alert]").InnerTextAsync());
    }

    [Fact]
    public async Task Customer_lookup_shows_what_the_customer_viewed_online_and_their_orders_with_contact_data_masked()
    {
        var store = await ApiSeed.Location(_admin, "STORE");
        var sku = await ApiSeed.Product(_admin);
        await ApiSeed.Stock(_admin, store, sku, 4);
        var email = $"viewer-{Guid.NewGuid():N}@example.com";
        var created = await (await _admin.PostJson("/api/v1/customers", new { email, name = "Vera Viewer" })).Json(HttpStatusCode.Created);
        var customer = created.GetProperty("customer").GetProperty("id").GetGuid();
        await (await _admin.PostJson("/api/v1/interactions", new
        {
            items = new[] { new { type = "product_viewed", deviceId = $"dev-{Guid.NewGuid():N}", customerId = customer, channel = "web", occurredAt = DateTime.UtcNow, payload = new { sku } } },
        })).Json(HttpStatusCode.Accepted);
        var order = await PlaceAsync(new
        {
            channel = "web", customer = new { email, name = "Vera Viewer" },
            lines = new[] { new { sku, quantity = 1, fulfillment = new { method = "pickup", locationCode = store } } },
        });
        var associate = await AssociateOfAsync(_web, store);

        await associate.GotoAsync($"/associate/{store}/customers");
        await associate.FillAsync("[data-test=customer-search]", email);
        await SubmitAsync(associate, "[data-test=customer-find]");
        await associate.Locator("[data-test=customer-row]").ClickAsync();
        await associate.WaitForURLAsync($"**/customers/{customer}");

        var viewed = associate.Locator($"[data-test=viewed-product][data-sku='{sku}']");
        Assert.Contains($"Product {sku}", await viewed.InnerTextAsync());
        Assert.Equal("3", (await viewed.Locator("td.num").InnerTextAsync()).Trim());
        Assert.Equal(1, await associate.Locator($"[data-test=customer-order][data-order='{order.GetProperty("number").GetString()}']").CountAsync());
        var shown = await associate.Locator("[data-test=customer-email]").InnerTextAsync();
        Assert.DoesNotContain(email, shown);
        Assert.Contains("@example.com", shown);
        await PageFit.AssertFitsHereAsync(associate, "associate-customer-tablet");
    }

    [Fact]
    public async Task A_shoppers_cart_opened_by_its_handoff_code_is_sold_at_the_counter()
    {
        var store = await ApiSeed.Location(_admin, "STORE");
        var sku = await ApiSeed.Product(_admin, 12.00m);
        await ApiSeed.Stock(_admin, store, sku, 5);
        var created = await (await _admin.PostJson("/api/v1/carts", new { channel = "web", deviceId = $"phone-{Guid.NewGuid():N}" })).Json(HttpStatusCode.Created);
        var cart = created.GetProperty("cart").GetProperty("id").GetGuid();
        var token = created.GetProperty("token").GetString()!;
        await (await SendAsCartOwnerAsync(HttpMethod.Post, $"/api/v1/carts/{cart}/lines", token, new { sku, quantity = 2 })).Json(HttpStatusCode.OK);
        var handoff = await (await SendAsCartOwnerAsync(HttpMethod.Post, $"/api/v1/carts/{cart}/handoff", token, new { })).Json(HttpStatusCode.Created);
        var associate = await AssociateOfAsync(_web, store);

        await associate.GotoAsync($"/associate/{store}/cart");
        await associate.FillAsync("[data-test=handoff-code]", "ZZZZ-ZZZZ");
        await SubmitAsync(associate, "[data-test=open-cart]");
        Assert.NotEmpty(await associate.Locator("[role=alert]").InnerTextAsync());

        await associate.FillAsync("[data-test=handoff-code]", handoff.GetProperty("code").GetString()!);
        await SubmitAsync(associate, "[data-test=open-cart]");
        await associate.WaitForURLAsync($"**/associate/{store}/carts/{cart}");
        Assert.Equal("2", await associate.Locator($"[data-test=cart-line][data-sku='{sku}'] td.num").First.InnerTextAsync());
        Assert.Contains("€24.00", await associate.Locator("[data-test=cart-total]").InnerTextAsync());
        await PageFit.AssertFitsHereAsync(associate, "associate-cart-tablet");

        await SubmitAsync(associate, "[data-test=sell-cart]");
        var done = associate.Locator("[data-test=cart-done]");
        Assert.StartsWith("Sold", await done.InnerTextAsync());
        var orderId = (await CartAsync(cart, token)).GetProperty("orderId").GetGuid();
        var order = await (await _admin.GetAsync($"/api/v1/orders/{orderId}")).Json(HttpStatusCode.OK);
        Assert.Equal((await done.GetAttributeAsync("data-order"), "store", "completed"),
            (order.GetProperty("number").GetString(), order.GetProperty("channel").GetString(), order.GetProperty("status").GetString()));
        var position = await ApiSeed.Position(_admin, store, sku);
        Assert.Equal((3, 0), (position.GetProperty("onHand").GetInt32(), position.GetProperty("reserved").GetInt32()));
    }

    [Fact]
    public async Task A_counter_sale_is_priced_by_the_engine_with_the_stores_promotion_and_a_coupon()
    {
        var store = await ApiSeed.Location(_admin, "STORE");
        var sku = await ApiSeed.Product(_admin, 20.00m);
        await ApiSeed.Stock(_admin, store, sku, 5);
        await (await _admin.PostJson("/api/v1/pricing/promotions", new
        {
            code = OmniFactory.Unique("QUARTER"), name = "Quarter off", kind = "percentOff", target = new { type = "sku", values = new[] { sku } }, percent = 25,
        })).Json(HttpStatusCode.Created);
        var couponPromotion = (await (await _admin.PostJson("/api/v1/pricing/promotions", new
        {
            code = OmniFactory.Unique("CPN"), name = "Ten with a coupon", kind = "amountOff", target = new { type = "cart" },
            amount = new { amount = 10.00m, currency = "EUR" }, couponOnly = true,
        })).Json(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var coupon = OmniFactory.Unique("SAVE");
        await (await _admin.PostJson("/api/v1/pricing/coupons", new { name = "counter", promotionId = couponPromotion, kind = "shared", code = coupon })).Json(HttpStatusCode.Created);
        var associate = await AssociateOfAsync(_web, store);

        await associate.GotoAsync($"/associate/{store}?q={sku}");
        await associate.GetByRole(AriaRole.Link, new() { Name = "Sell here" }).ClickAsync();
        await associate.WaitForURLAsync($"**/associate/{store}/sale?sku={sku}");
        await associate.Locator("[data-test=sale-qty]").First.FillAsync("2");
        await SubmitAsync(associate, "[data-test=sale-price]");
        Assert.Contains("€30.00", await associate.Locator("[data-test=sale-quote]").InnerTextAsync());
        Assert.Contains("Quarter off", await associate.Locator("[data-test=sale-quote]").InnerTextAsync());

        await associate.FillAsync("[data-test=sale-coupon]", coupon.ToLowerInvariant());
        await SubmitAsync(associate, "[data-test=sale-record]");

        // The coupon comes on top of the promotion; how the two combine is the engine's business, the page shows its verdict.
        var done = associate.Locator("[data-test=sale-done]");
        var number = await done.GetAttributeAsync("data-order");
        var orders = await (await _admin.GetAsync($"/api/v1/orders?sku={sku}")).Json(HttpStatusCode.OK);
        var id = Assert.Single(orders.GetProperty("items").EnumerateArray(), o => o.GetProperty("number").GetString() == number).GetProperty("id").GetGuid();
        var order = await (await _admin.GetAsync($"/api/v1/orders/{id}")).Json(HttpStatusCode.OK);
        var total = order.GetProperty("total").GetProperty("amount").GetDecimal();
        Assert.Equal(("store", coupon), (order.GetProperty("channel").GetString(), Assert.Single(order.GetProperty("coupons").EnumerateArray()).GetString()));
        Assert.InRange(total, 0.01m, 29.99m);
        Assert.Contains("€" + total.ToString("0.00", CultureInfo.InvariantCulture), await associate.Locator("[data-test=sale-total]").InnerTextAsync());
        Assert.Equal(3, (await ApiSeed.Position(_admin, store, sku)).GetProperty("onHand").GetInt32());
        await PageFit.AssertFitsHereAsync(associate, "associate-sale-tablet");
    }

    [Fact]
    public async Task Endless_aisle_orders_what_the_store_lacks_from_another_location_through_the_order_placement()
    {
        var store = await ApiSeed.Location(_admin, "STORE");
        var warehouse = await ApiSeed.Location(_admin, "WH", "warehouse", 48.90, 2.40, ["ship"]);
        var sku = await ApiSeed.Product(_admin, 30.00m);
        await ApiSeed.Stock(_admin, warehouse, sku, 6);
        var associate = await AssociateOfAsync(_web, store);

        await associate.GotoAsync($"/associate/{store}/order?sku={sku}");
        await associate.FillAsync("[data-test=aisle-name]", "Eli Aisle");
        await associate.FillAsync("[data-test=aisle-email]", "eli@example.com");
        await PageFit.AssertFitsHereAsync(associate, "associate-endless-aisle-tablet");
        await SubmitAsync(associate, "[data-test=aisle-place]");

        var done = associate.Locator("[data-test=aisle-done]");
        Assert.Contains($"from {warehouse} × 1", await done.Locator("[data-test=aisle-line]").InnerTextAsync());
        var number = await done.GetAttributeAsync("data-order");
        var orders = await (await _admin.GetAsync($"/api/v1/orders?sku={sku}")).Json(HttpStatusCode.OK);
        var order = Assert.Single(orders.GetProperty("items").EnumerateArray(), o => o.GetProperty("number").GetString() == number);
        var line = (await (await _admin.GetAsync($"/api/v1/orders/{order.GetProperty("id").GetGuid()}")).Json(HttpStatusCode.OK)).GetProperty("lines")[0];
        Assert.Equal(("shipToStore", store), (line.GetProperty("fulfillment").GetProperty("method").GetString(), line.GetProperty("fulfillment").GetProperty("locationCode").GetString()));
        Assert.Equal(1, (await ApiSeed.Position(_admin, warehouse, sku)).GetProperty("reserved").GetInt32());
    }

    private async Task AssertCollectedAsync(JsonElement order)
    {
        var fulfillment = Assert.Single(await FulfillmentsAsync(order));
        Assert.Equal("picked_up", fulfillment.GetProperty("status").GetString());
        var now = await (await _admin.GetAsync($"/api/v1/orders/{order.GetProperty("id").GetGuid()}")).Json(HttpStatusCode.OK);
        Assert.Equal("completed", now.GetProperty("status").GetString());
    }

    /// <summary>The code the shopper received (an unbound key sees it; the associate's store-bound sign-in never does).</summary>
    private async Task<string> PickupCodeAsync(JsonElement order) =>
        Assert.Single(await FulfillmentsAsync(order)).GetProperty("pickupCode").GetString()!;

    private async Task<JsonElement> PlaceAsync(object body) =>
        await (await _admin.PostJson("/api/v1/orders", body, Guid.NewGuid().ToString())).Json(HttpStatusCode.Created);

    private async Task<List<JsonElement>> FulfillmentsAsync(JsonElement order) =>
        [.. (await (await _admin.GetAsync($"/api/v1/orders/{order.GetProperty("id").GetGuid()}/fulfillments")).Json(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()];

    private Task<HttpResponseMessage> SendAsCartOwnerAsync(HttpMethod method, string url, string token, object body)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body, options: OmniFactory.Json) };
        request.Headers.Add("Cart-Token", token);
        return _admin.SendAsync(request);
    }

    private async Task<JsonElement> CartAsync(Guid cart, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/carts/{cart}");
        request.Headers.Add("Cart-Token", token);
        return await (await _admin.SendAsync(request)).Json(HttpStatusCode.OK);
    }
}

public sealed class AssociateTests_Sqlite(KestrelSqliteOmni omni) : AssociateTests(omni.Web), IClassFixture<KestrelSqliteOmni>;

public sealed class AssociateTests_Postgres(KestrelPostgresOmni omni) : AssociateTests(omni.Web), IClassFixture<KestrelPostgresOmni>;
