using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omni.IntegrationTests.Infrastructure;
using Omni.Inventory.Data;
using Omni.Inventory.Domain;
using Omni.Inventory.Stock;
using static Omni.IntegrationTests.Orders.OrderRequests;

namespace Omni.IntegrationTests.Carts;

public abstract class CartTests(OmniFactory omni)
{
    private readonly HttpClient _api = omni.Admin();

    private static readonly object Destination = new { line1 = "1 Place Bellecour", city = "Lyon", postalCode = "69002", country = "FR", latitude = 45.7578, longitude = 4.8320 };

    private async Task<string> Warehouse(string sku, int onHand)
    {
        var warehouse = await ApiSeed.Location(_api, "WH", "warehouse", 45.75, 4.85, ["ship"]);
        await ApiSeed.Stock(_api, warehouse, sku, onHand);
        return warehouse;
    }

    private async Task<string> StoreKey(string store)
    {
        var created = await (await _api.PostJson("/api/v1/api-keys", new { name = OmniFactory.Unique("till"), scopes = new[] { "orders" }, storeCode = store }))
            .Json(HttpStatusCode.Created);
        return created.GetProperty("key").GetString()!;
    }

    private static decimal Amount(JsonElement money) => money.GetProperty("amount").GetDecimal();

    private async Task<int> Reserved(string location, string sku) => (await ApiSeed.Position(_api, location, sku)).GetProperty("reserved").GetInt32();

    /// <summary>Lets the hold's time run out now rather than waiting for it: a busy test machine makes real waits flaky.</summary>
    private Task<int> ExpireHold(Guid cart) => omni.InScope(sp => sp.GetRequiredService<InventoryDbContext>().Reservations
        .Where(r => r.OrderId == cart && r.Status == ReservationStatus.Active)
        .ExecuteUpdateAsync(u => u.SetProperty(r => r.ExpiresAt, DateTime.UtcNow.AddSeconds(-1))));

    [Fact]
    public async Task Signing_in_on_a_second_device_merges_its_anonymous_cart_into_the_customers_cart()
    {
        var (shoes, shirt, socks) = (await ApiSeed.Product(_api), await ApiSeed.Product(_api), await ApiSeed.Product(_api));
        var customer = Guid.NewGuid();

        var (phone, phoneCart) = await CartClient.NewCart(_api, "phone");
        await phone.Add(phoneCart, shoes, 1);
        await phone.Add(phoneCart, shirt, 2);
        await (await phone.Send(HttpMethod.Post, $"/api/v1/carts/{phoneCart}/assign", new { customerId = customer })).Json(HttpStatusCode.OK);

        var (laptop, laptopCart) = await CartClient.NewCart(_api, "laptop");
        await laptop.Add(laptopCart, shirt, 3);
        await laptop.Add(laptopCart, socks, 1);
        var merged = await (await laptop.Send(HttpMethod.Post, $"/api/v1/carts/{laptopCart}/assign", new { customerId = customer })).Json(HttpStatusCode.OK);

        Assert.Equal(phoneCart, merged.GetProperty("id").GetGuid());
        Assert.Equal(new Dictionary<string, int> { [shoes] = 1, [shirt] = 5, [socks] = 1 }, CartClient.Lines(merged));
        Assert.Equal(["phone", "laptop"], merged.GetProperty("devices").EnumerateArray().Select(d => d.GetString()));

        var fromAnyDevice = await (await _api.GetAsync($"/api/v1/customers/{customer}/cart")).Json(HttpStatusCode.OK);
        Assert.Equal(phoneCart, fromAnyDevice.GetProperty("id").GetGuid());
        var left = await laptop.Get(laptopCart);
        Assert.Equal("merged", left.GetProperty("status").GetString());
        Assert.Equal(phoneCart, left.GetProperty("mergedInto").GetGuid());

        // The signed-in laptop reaches the customer's cart by the customer's id; the laptop's own token does not open it.
        Assert.Equal(HttpStatusCode.NotFound, (await laptop.Send(HttpMethod.Get, $"/api/v1/carts/{phoneCart}")).StatusCode);
        await laptop.AsCustomer(customer).Add(phoneCart, socks, 1);
        Assert.Equal(2, CartClient.Lines(await phone.Get(phoneCart))[socks]);
        await (await laptop.Send(HttpMethod.Post, $"/api/v1/carts/{laptopCart}/lines", new { sku = socks, quantity = 1 }))
            .Problem(HttpStatusCode.Conflict, "cart_not_active");
    }

    [Fact]
    public async Task Two_devices_signing_in_at_once_leave_the_customer_one_cart_with_the_lines_of_both()
    {
        var customer = Guid.NewGuid();
        var devices = new List<(CartClient Device, Guid Cart, string Sku)>();
        for (var i = 0; i < 4; i++)
        {
            var (device, id) = await CartClient.NewCart(_api, $"device-{i}");
            var sku = await ApiSeed.Product(_api);
            await device.Add(id, sku, i + 1);
            devices.Add((device, id, sku));
        }

        var answers = await Task.WhenAll(devices.Select(d => d.Device.Send(HttpMethod.Post, $"/api/v1/carts/{d.Cart}/assign", new { customerId = customer })));
        foreach (var answer in answers) await answer.Json(HttpStatusCode.OK);

        var cart = await (await _api.GetAsync($"/api/v1/customers/{customer}/cart")).Json(HttpStatusCode.OK);
        Assert.Equal(devices.ToDictionary(d => d.Sku, d => devices.IndexOf(d) + 1), CartClient.Lines(cart));
        var statuses = await Task.WhenAll(devices.Select(async d => (await d.Device.Get(d.Cart)).GetProperty("status").GetString()));
        Assert.Equal(1, statuses.Count(s => s == "active"));
        Assert.Equal(3, statuses.Count(s => s == "merged"));
    }

    [Fact]
    public async Task A_line_shows_its_live_price_promotions_availability_and_delivery_options()
    {
        var sku = await ApiSeed.Product(_api, 20.00m);
        var store = await ApiSeed.Location(_api, "STORE", capabilities: ["pickup"]);
        await ApiSeed.Stock(_api, store, sku, 5);
        await Warehouse(sku, 10);
        var code = OmniFactory.Unique("TENOFF");
        await (await _api.PostJson("/api/v1/pricing/promotions", new
        {
            code, name = "10 % off", kind = "percentOff", target = new { type = "sku", values = new[] { sku } }, percent = 10, channels = Array.Empty<string>(),
        })).Json(HttpStatusCode.Created);

        var (device, id) = await CartClient.NewCart(_api);
        await device.Add(id, sku, 2);
        var cart = await device.Update(id, new { preferredStore = store.ToLowerInvariant(), couponCodes = new[] { " welcome ", "WELCOME" } });

        var line = cart.GetProperty("lines")[0];
        Assert.Equal(20.00m, Amount(line.GetProperty("unitPrice")));
        Assert.Equal(4.00m, Amount(line.GetProperty("discount")));
        Assert.Equal(36.00m, Amount(line.GetProperty("total")));
        Assert.Equal(code, line.GetProperty("promotions")[0].GetProperty("code").GetString());
        Assert.Equal(36.00m, Amount(cart.GetProperty("total")));
        Assert.Equal(store, cart.GetProperty("preferredStore").GetString());
        Assert.Equal(["WELCOME"], cart.GetProperty("couponCodes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(10, line.GetProperty("availability").GetProperty("ship").GetInt32());
        Assert.Equal(5, line.GetProperty("availability").GetProperty("preferredStore").GetInt32());
        Assert.Equal(["ship", "pickup"], line.GetProperty("deliveryOptions").EnumerateArray().Select(o => o.GetProperty("method").GetString()));

        var more = await (await device.Send(HttpMethod.Patch, $"/api/v1/carts/{id}/lines/{sku}", new { quantity = 7 })).Json(HttpStatusCode.OK);
        Assert.Equal(["ship"], more.GetProperty("lines")[0].GetProperty("deliveryOptions").EnumerateArray().Select(o => o.GetProperty("method").GetString()));

        await ApiSeed.Stock(_api, store, sku, 9);
        var restocked = await device.Get(id);
        Assert.Equal(2, restocked.GetProperty("lines")[0].GetProperty("deliveryOptions").GetArrayLength());
    }

    [Fact]
    public async Task A_store_associate_opens_the_cart_with_the_handoff_code_and_checks_it_out_as_a_store_order()
    {
        var sku = await ApiSeed.Product(_api, 15.00m);
        var store = await ApiSeed.Location(_api, "STORE", capabilities: ["pickup"]);
        await ApiSeed.Stock(_api, store, sku, 3);
        var (shopper, id) = await CartClient.NewCart(_api, "phone");
        await shopper.Add(id, sku, 2, "pickup");
        await shopper.Update(id, new { preferredStore = store });

        var handoff = await (await shopper.Send(HttpMethod.Post, $"/api/v1/carts/{id}/handoff")).Json(HttpStatusCode.Created);
        var code = handoff.GetProperty("code").GetString()!;
        Assert.Matches("^[2-9A-Z]{4}-[2-9A-Z]{4}$", code);
        Assert.True(handoff.GetProperty("expiresAt").GetDateTime() > DateTime.UtcNow.AddMinutes(10));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], Convert.FromBase64String(handoff.GetProperty("qrCodePng").GetString()!)[..4]);

        var till = new CartClient(omni.ClientWithKey(await StoreKey(store)));
        Assert.Equal(HttpStatusCode.NotFound, (await till.Send(HttpMethod.Get, $"/api/v1/carts/{id}")).StatusCode);
        await (await _api.GetAsync($"/api/v1/carts/handoff/{code}")).Problem(HttpStatusCode.Forbidden, "forbidden");
        await (await till.Send(HttpMethod.Get, "/api/v1/carts/handoff/ZZZZ-ZZZZ")).Problem(HttpStatusCode.NotFound, "not_found");

        var opened = await (await till.Send(HttpMethod.Get, $"/api/v1/carts/handoff/{code.Replace("-", "").ToLowerInvariant()}")).Json(HttpStatusCode.OK);
        Assert.Equal(id, opened.GetProperty("id").GetGuid());
        Assert.Equal(store, opened.GetProperty("handedOffTo").GetString());
        Assert.Equal("store", opened.GetProperty("channel").GetString());

        var converted = await (await till.Checkout(id, new { customer = new { email = "ana@example.com" } })).Json(HttpStatusCode.Created);
        Assert.Equal("converted", converted.GetProperty("status").GetString());
        var order = await (await _api.GetAsync($"/api/v1/orders/{converted.GetProperty("orderId").GetGuid()}")).Json(HttpStatusCode.OK);
        Assert.Equal("store", order.GetProperty("channel").GetString());
        Assert.Equal(converted.GetProperty("orderNumber").GetString(), order.GetProperty("number").GetString());
        var line = order.GetProperty("lines")[0];
        Assert.Equal("pickup", line.GetProperty("fulfillment").GetProperty("method").GetString());
        Assert.Equal(store, line.GetProperty("allocations")[0].GetProperty("locationCode").GetString());
        Assert.Equal(2, await Reserved(store, sku));
    }

    [Fact]
    public async Task Checkout_is_idempotent_and_a_key_reused_with_another_body_is_refused()
    {
        var sku = await ApiSeed.Product(_api, 10.00m);
        var warehouse = await Warehouse(sku, 10);
        var (device, id) = await CartClient.NewCart(_api);
        await device.Add(id, sku, 3);
        await device.Update(id, new { shippingDestination = Destination });
        var key = Guid.NewGuid().ToString();
        var body = new { customer = new { email = "ana@example.com" }, expectedTotal = new { amount = 30.00m, currency = "EUR" } };

        var first = await (await device.Checkout(id, body, key)).Json(HttpStatusCode.Created);
        var again = await (await device.Checkout(id, body, key)).Json(HttpStatusCode.Created);

        Assert.Equal(first.GetProperty("orderId").GetGuid(), again.GetProperty("orderId").GetGuid());
        Assert.Equal(3, await Reserved(warehouse, sku));
        await (await device.Checkout(id, new { customer = new { email = "bob@example.com" } }, key)).Problem(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        await (await device.Checkout(id, body, Guid.NewGuid().ToString())).Problem(HttpStatusCode.Conflict, "cart_not_active");
        await (await device.Send(HttpMethod.Post, $"/api/v1/carts/{id}/lines", new { sku, quantity = 1 })).Problem(HttpStatusCode.Conflict, "cart_not_active");
    }

    [Fact]
    public async Task Parallel_checkouts_with_one_key_place_one_order()
    {
        var sku = await ApiSeed.Product(_api);
        var warehouse = await Warehouse(sku, 10);
        var (device, id) = await CartClient.NewCart(_api);
        await device.Add(id, sku, 2);
        await device.Update(id, new { shippingDestination = Destination });
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => device.Checkout(id, null, key)));

        var orders = new HashSet<Guid>();
        foreach (var answer in answers) orders.Add((await answer.Json(HttpStatusCode.Created)).GetProperty("orderId").GetGuid());
        Assert.Single(orders);
        Assert.Equal(2, await Reserved(warehouse, sku));
    }

    [Fact]
    public async Task Coupons_held_on_the_cart_price_its_live_view_unredeemed_and_its_order_costs_exactly_that()
    {
        var sku = await ApiSeed.Product(_api, 20.00m);
        await Warehouse(sku, 10);
        var coupon = await Pricing.CouponSeed.SharedCoupon(_api, await Pricing.CouponSeed.CouponPromotion(_api, sku, percent: 10), maxUses: 5);
        var code = Pricing.CouponSeed.Code(coupon);
        var (device, id) = await CartClient.NewCart(_api);
        await device.Add(id, sku, 2);
        await device.Update(id, new { shippingDestination = Destination, couponCodes = new[] { code.ToLowerInvariant(), "NOPE-0000" } });

        var view = await device.Get(id);

        Assert.Equal((4.00m, 36.00m), (view.GetProperty("discount").GetProperty("amount").GetDecimal(), view.GetProperty("total").GetProperty("amount").GetDecimal()));
        var coupons = view.GetProperty("coupons").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!);
        Assert.True(coupons[code].GetProperty("applied").GetBoolean());
        Assert.Equal(4.00m, coupons[code].GetProperty("discount").GetProperty("amount").GetDecimal());
        Assert.Equal((false, "coupon_invalid"), (coupons["NOPE-0000"].GetProperty("applied").GetBoolean(), coupons["NOPE-0000"].GetProperty("reason").GetString()));
        Assert.Equal(0, await CouponUses(coupon));

        var converted = await (await device.Checkout(id, new { customer = new { email = "ana@example.com" }, expectedTotal = new { amount = 36.00m, currency = "EUR" } }))
            .Json(HttpStatusCode.Created);
        var order = await (await _api.GetAsync($"/api/v1/orders/{converted.GetProperty("orderId").GetGuid()}")).Json(HttpStatusCode.OK);
        Assert.Equal(36.00m, order.GetProperty("total").GetProperty("amount").GetDecimal());
        Assert.Equal([code], order.GetProperty("coupons").EnumerateArray().Select(c => c.GetString()).ToList());
        Assert.Equal(1, await CouponUses(coupon));
    }

    private async Task<int> CouponUses(JsonElement coupon) =>
        (await (await _api.GetAsync($"/api/v1/pricing/coupons/{coupon.GetProperty("id").GetGuid()}")).Json(HttpStatusCode.OK)).GetProperty("uses").GetInt32();

    [Fact]
    public async Task Checkout_without_enough_stock_is_refused_and_leaves_the_cart_as_it_was()
    {
        var sku = await ApiSeed.Product(_api);
        var warehouse = await Warehouse(sku, 1);
        var (device, id) = await CartClient.NewCart(_api);
        await device.Add(id, sku, 2);
        var before = await device.Update(id, new { shippingDestination = Destination });

        var refused = await (await device.Checkout(id, null, Guid.NewGuid().ToString())).Problem(HttpStatusCode.Conflict, "insufficient_stock");

        Assert.Equal([sku], refused.GetProperty("skus").EnumerateArray().Select(s => s.GetString()));
        var after = await device.Get(id);
        Assert.Equal("active", after.GetProperty("status").GetString());
        Assert.Equal(before.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
        Assert.Equal(new Dictionary<string, int> { [sku] = 2 }, CartClient.Lines(after));
        Assert.Equal(JsonValueKind.Null, after.GetProperty("orderId").ValueKind);
        Assert.Equal(0, await Reserved(warehouse, sku));
    }

    [Fact]
    public async Task A_hold_keeps_the_units_from_another_buyer_until_it_expires()
    {
        var sku = await ApiSeed.Product(_api);
        var warehouse = await Warehouse(sku, 2);
        var (device, id) = await CartClient.NewCart(_api);
        await device.Add(id, sku, 2);
        await device.Update(id, new { shippingDestination = Destination });

        var held = await (await device.Send(HttpMethod.Post, $"/api/v1/carts/{id}/hold", new { seconds = 600 })).Json(HttpStatusCode.OK);

        var hold = held.GetProperty("hold");
        Assert.Equal(warehouse, hold.GetProperty("lines")[0].GetProperty("locationCode").GetString());
        Assert.Equal(2, await Reserved(warehouse, sku));
        // The shopper still sees the held units as theirs to buy.
        Assert.Equal("ship", held.GetProperty("lines")[0].GetProperty("deliveryOptions")[0].GetProperty("method").GetString());
        await (await _api.PostJson("/api/v1/orders", Ship("web", (sku, 1)))).Problem(HttpStatusCode.Conflict, "insufficient_stock");

        await ExpireHold(id);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await Reserved(warehouse, sku) != 0 && DateTime.UtcNow < deadline) await Task.Delay(200);
        Assert.Equal(0, await Reserved(warehouse, sku));
        Assert.Equal(JsonValueKind.Null, (await device.Get(id)).GetProperty("hold").ValueKind);
        await (await _api.PostJson("/api/v1/orders", Ship("web", (sku, 1)))).Json(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Checkout_turns_the_hold_into_the_orders_reservation()
    {
        var sku = await ApiSeed.Product(_api);
        var warehouse = await Warehouse(sku, 2);
        var (device, id) = await CartClient.NewCart(_api);
        await device.Add(id, sku, 2);
        await device.Update(id, new { shippingDestination = Destination });
        await (await device.Send(HttpMethod.Post, $"/api/v1/carts/{id}/hold", new { seconds = 600 })).Json(HttpStatusCode.OK);

        var converted = await (await device.Checkout(id)).Json(HttpStatusCode.Created);

        var orderId = converted.GetProperty("orderId").GetGuid();
        Assert.Equal(2, await Reserved(warehouse, sku));
        var reservations = await omni.InScope(sp => sp.GetRequiredService<InventoryDbContext>().Reservations.AsNoTracking()
            .Where(r => r.Sku == sku).ToListAsync());
        Assert.Equal(ReservationStatus.Released, Assert.Single(reservations, r => r.OrderId == id).Status);
        Assert.Equal(ReservationStatus.Active, Assert.Single(reservations, r => r.OrderId == orderId).Status);
        await (await _api.PostJson("/api/v1/orders", Ship("web", (sku, 1)))).Problem(HttpStatusCode.Conflict, "insufficient_stock");
    }

    [Fact]
    public async Task Expired_holds_are_released_once_when_several_nodes_race_for_them()
    {
        var sku = await ApiSeed.Product(_api);
        var warehouse = await Warehouse(sku, 10);
        var carts = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var (device, id) = await CartClient.NewCart(_api);
            await device.Add(id, sku, 2);
            await device.Update(id, new { shippingDestination = Destination });
            await (await device.Send(HttpMethod.Post, $"/api/v1/carts/{id}/hold", new { seconds = 600 })).Json(HttpStatusCode.OK);
            carts.Add(id);
        }
        Assert.Equal(6, await Reserved(warehouse, sku));
        foreach (var id in carts) await ExpireHold(id);

        var expiry = omni.Services.GetRequiredService<HoldExpiry>();
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => expiry.ReleaseExpiredAsync(CancellationToken.None))));

        // The node's own expiry job races too: when it holds the rows, the six calls skip them and it commits a moment later.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await Reserved(warehouse, sku) != 0 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Equal(0, await Reserved(warehouse, sku));
        var holds = await omni.InScope(sp => sp.GetRequiredService<InventoryDbContext>().Reservations.AsNoTracking()
            .Where(r => r.Sku == sku).ToListAsync());
        Assert.Equal(3, holds.Count);
        Assert.All(holds, r => Assert.Equal(ReservationStatus.Released, r.Status));
    }

    [Fact]
    public async Task Parallel_line_edits_from_two_devices_lose_nothing()
    {
        var skus = new List<string>();
        for (var i = 0; i < 8; i++) skus.Add(await ApiSeed.Product(_api));
        var (phone, id) = await CartClient.NewCart(_api, "phone");
        var laptop = new CartClient(omni.Admin(), phone.Token);

        var edits = skus.SelectMany(sku => new[] { phone, laptop }.Select(device => device.Send(HttpMethod.Post, $"/api/v1/carts/{id}/lines", new { sku, quantity = 1 })));
        foreach (var answer in await Task.WhenAll(edits)) await answer.Json(HttpStatusCode.OK);

        var cart = await phone.Get(id);
        Assert.Equal(skus.ToDictionary(s => s, _ => 2), CartClient.Lines(cart));
        Assert.Equal(16, cart.GetProperty("version").GetInt32());

        var removals = skus.Take(4).Select(sku => laptop.Send(HttpMethod.Delete, $"/api/v1/carts/{id}/lines/{sku}"))
            .Concat(skus.Skip(4).Select(sku => phone.Send(HttpMethod.Patch, $"/api/v1/carts/{id}/lines/{sku}", new { quantity = 5 })));
        foreach (var answer in await Task.WhenAll(removals)) await answer.Json(HttpStatusCode.OK);
        Assert.Equal(skus.Skip(4).ToDictionary(s => s, _ => 5), CartClient.Lines(await phone.Get(id)));
    }

    [Fact]
    public async Task Bad_input_is_answered_with_problem_details_and_changes_nothing()
    {
        var sku = await ApiSeed.Product(_api);
        var dollars = await ApiSeed.Product(_api, 5m, "USD");
        var (device, id) = await CartClient.NewCart(_api);

        var lines = await (await device.Send(HttpMethod.Post, $"/api/v1/carts/{id}/lines", new { sku = "", quantity = 0, fulfillment = "shipToStore" }))
            .Problem(HttpStatusCode.BadRequest, "validation_failed");
        foreach (var field in new[] { "sku", "quantity", "fulfillment" }) Assert.True(lines.GetProperty("errors").TryGetProperty(field, out _), field);
        await (await device.Send(HttpMethod.Post, $"/api/v1/carts/{id}/lines", new { sku = "NO-SUCH-SKU", quantity = 1 })).Problem(HttpStatusCode.BadRequest, "validation_failed");
        await (await device.SendRaw(id, "{\"sku\": 12")).Problem(HttpStatusCode.BadRequest, "malformed_request");

        var update = await (await device.Send(HttpMethod.Patch, $"/api/v1/carts/{id}", new
        {
            preferredStore = "NO-SUCH-STORE", couponCodes = new[] { "OK", "no spaces" },
            shippingDestination = new { line1 = "", city = "Lyon", postalCode = "69002", country = "XX", latitude = 45.7 },
        })).Problem(HttpStatusCode.BadRequest, "validation_failed");
        foreach (var field in new[] { "preferredStore", "couponCodes[1]", "shippingDestination.line1", "shippingDestination.country", "shippingDestination.longitude" })
            Assert.True(update.GetProperty("errors").TryGetProperty(field, out _), field);

        await (await device.Send(HttpMethod.Patch, $"/api/v1/carts/{id}/lines/{sku}", new { quantity = 1 })).Problem(HttpStatusCode.NotFound, "not_found");
        await (await device.Send(HttpMethod.Post, $"/api/v1/carts/{id}/assign", new { })).Problem(HttpStatusCode.BadRequest, "validation_failed");
        await (await device.Send(HttpMethod.Post, $"/api/v1/carts/{id}/hold", new { seconds = 0 })).Problem(HttpStatusCode.BadRequest, "validation_failed");
        await (await device.Send(HttpMethod.Post, $"/api/v1/carts/{id}/hold", new { })).Problem(HttpStatusCode.Conflict, "cart_empty");
        await (await device.Checkout(id)).Problem(HttpStatusCode.Conflict, "cart_empty");

        await device.Add(id, sku, 1);
        await (await device.Send(HttpMethod.Post, $"/api/v1/carts/{id}/lines", new { sku = dollars, quantity = 1 })).Problem(HttpStatusCode.Conflict, "mixed_currency");
        await (await device.Checkout(id)).Problem(HttpStatusCode.Conflict, "cart_incomplete");
        await device.Update(id, new { shippingDestination = Destination });
        var changed = await (await device.Checkout(id, new { expectedTotal = new { amount = 0.01m, currency = "EUR" } })).Problem(HttpStatusCode.Conflict, "price_changed");
        Assert.Equal(19.99m, Amount(changed.GetProperty("total")));
        await (await device.Checkout(id, new { customer = new { email = "not-an-email" } })).Problem(HttpStatusCode.BadRequest, "validation_failed");

        var stranger = new CartClient(_api, "not-the-token");
        await (await stranger.Send(HttpMethod.Get, $"/api/v1/carts/{id}")).Problem(HttpStatusCode.NotFound, "not_found");
        await (await stranger.Send(HttpMethod.Post, $"/api/v1/carts/{id}/lines", new { sku, quantity = 1 })).Problem(HttpStatusCode.NotFound, "not_found");
        await (await device.Send(HttpMethod.Get, $"/api/v1/carts/{Guid.NewGuid()}")).Problem(HttpStatusCode.NotFound, "not_found");
        await (await _api.GetAsync($"/api/v1/customers/{Guid.NewGuid()}/cart")).Problem(HttpStatusCode.NotFound, "not_found");

        var reader = await (await _api.PostJson("/api/v1/api-keys", new { name = OmniFactory.Unique("reader"), scopes = new[] { "read" } })).Json(HttpStatusCode.Created);
        var readOnly = new CartClient(omni.ClientWithKey(reader.GetProperty("key").GetString()), device.Token);
        await (await readOnly.Send(HttpMethod.Post, $"/api/v1/carts/{id}/lines", new { sku, quantity = 1 })).Problem(HttpStatusCode.Forbidden, "forbidden");

        var cart = await device.Get(id);
        Assert.Equal(new Dictionary<string, int> { [sku] = 1 }, CartClient.Lines(cart));
        Assert.Equal("active", cart.GetProperty("status").GetString());
        Assert.Empty(cart.GetProperty("couponCodes").EnumerateArray());
    }
}

public sealed class CartTests_Sqlite(SqliteOmni omni) : CartTests(omni), IClassFixture<SqliteOmni>;

public sealed class CartTests_Postgres(PostgresOmni omni) : CartTests(omni), IClassFixture<PostgresOmni>;
