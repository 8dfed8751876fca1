using System.Net;
using Omni.IntegrationTests.Infrastructure;
using static Omni.IntegrationTests.Fulfillment.FulfillmentApi;
using static Omni.IntegrationTests.Orders.OrderRequests;

namespace Omni.IntegrationTests.Fulfillment;

/// <summary>Every way an order reaches its customer, end to end over HTTP, with the stock books checked after each.</summary>
public abstract class FulfillmentFlowTests(OmniFactory omni, ShiftedClock clock)
{
    private readonly HttpClient _admin = omni.Admin();
    private FulfillmentApi Api => new(_admin);

    [Fact]
    public async Task Click_and_collect_is_picked_made_ready_with_a_code_and_handed_over_only_with_that_code()
    {
        var store = await ApiSeed.Location(_admin, "STORE");
        var sku = await ApiSeed.Product(_admin, 12.50m);
        await ApiSeed.Stock(_admin, store, sku, 5);
        var order = await Api.PlaceOrder(Pickup(store, (sku, 2)));

        var fulfillment = await Api.Single(order);
        var id = Id(fulfillment);
        Assert.Equal(("pickup", "allocated", store, store), (fulfillment.GetProperty("method").GetString(), Status(fulfillment),
            fulfillment.GetProperty("locationCode").GetString(), fulfillment.GetProperty("handoverLocationCode").GetString()));
        var queue = await (await _admin.GetAsync($"/api/v1/locations/{store}/fulfillments")).Json(HttpStatusCode.OK);
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), f => Id(f) == id);

        Assert.Equal("picking", Status(await Api.Do(id, "pick")));
        await (await _admin.GetAsync($"/api/v1/fulfillments/{id}/pickup-code.png")).Problem(HttpStatusCode.Conflict, "no_pickup_code");
        var ready = await Api.Do(id, "ready");
        Assert.Equal("ready_for_pickup", Status(ready));
        var code = ready.GetProperty("pickupCode").GetString()!;
        Assert.Matches("^[A-HJ-KM-NP-Z2-9]{6}$", code);
        var expiresAt = ready.GetProperty("expiresAt").GetDateTime();
        Assert.InRange(expiresAt - clock.GetUtcNow().UtcDateTime, TimeSpan.FromDays(6.9), TimeSpan.FromDays(7));

        var png = await _admin.GetAsync($"/api/v1/fulfillments/{id}/pickup-code.png");
        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, (await png.Content.ReadAsByteArrayAsync())[..4]);

        await (await Api.Send(id, "handover", new { pickupCode = "ZZZZZZ" })).Problem(HttpStatusCode.Conflict, "wrong_pickup_code");
        Assert.Equal((5, 2), await Api.Position(store, sku));
        var handedOver = await Api.Do(id, "handover", new { pickupCode = code.ToLowerInvariant() });

        Assert.Equal("picked_up", Status(handedOver));
        Assert.Equal(JsonValueKindNull, handedOver.GetProperty("pickupCode").ValueKind);
        Assert.Equal("completed", Status(await Api.Order(order)));
        Assert.Equal((3, 0), await Api.Position(store, sku));
        var readyEvent = Assert.Single(await Api.Events("fulfillment.ready_for_pickup", order));
        Assert.Equal(code, readyEvent.GetProperty("pickupCode").GetString());
        Assert.Equal("ana@example.com", readyEvent.GetProperty("customerEmail").GetString());
        var captured = Assert.Single(await Api.Events("fulfillment.handed_over", order));
        Assert.Equal(25.00m, captured.GetProperty("amount").GetProperty("amount").GetDecimal());
        await StockInvariants.AssertAsync(omni);
    }

    [Fact]
    public async Task An_uncollected_pickup_expires_after_the_store_s_hold_and_its_stock_goes_back_on_sale()
    {
        var store = await ApiSeed.LocationWithCode(_admin, OmniFactory.Unique("STORE"), pickupHoldDays: 2);
        var sku = await ApiSeed.Product(_admin, 10m);
        await ApiSeed.Stock(_admin, store, sku, 4);
        var order = await Api.PlaceOrder(Pickup(store, (sku, 3)));
        var id = Id(await Api.Single(order));
        await Api.Do(id, "pick");
        var ready = await Api.Do(id, "ready");
        Assert.InRange(ready.GetProperty("expiresAt").GetDateTime() - clock.GetUtcNow().UtcDateTime, TimeSpan.FromDays(1.9), TimeSpan.FromDays(2));

        clock.Advance(TimeSpan.FromDays(1));
        await Task.Delay(400);
        Assert.Equal("ready_for_pickup", Status(await Api.Get(id)));

        clock.Advance(TimeSpan.FromDays(1.5));
        var expired = await Eventually(async () => await Api.Get(id), f => Status(f) == "expired");

        Assert.Equal(JsonValueKindNull, expired.GetProperty("pickupCode").ValueKind);
        Assert.Equal((4, 0), await Api.Position(store, sku));
        Assert.Equal(30.00m, Assert.Single(await Api.Events("fulfillment.expired", order)).GetProperty("amount").GetProperty("amount").GetDecimal());
        Assert.Equal("cancelled", Status(await Api.Order(order)));
        await (await Api.Send(id, "handover", new { pickupCode = ready.GetProperty("pickupCode").GetString() })).Problem(HttpStatusCode.Conflict, "invalid_transition");
        await StockInvariants.AssertAsync(omni);
    }

    [Fact]
    public async Task Two_nodes_expire_each_uncollected_pickup_exactly_once()
    {
        var store = await ApiSeed.LocationWithCode(_admin, OmniFactory.Unique("STORE"), pickupHoldDays: 1);
        var sku = await ApiSeed.Product(_admin, 1m);
        await ApiSeed.Stock(_admin, store, sku, 20);
        var orders = new List<System.Text.Json.JsonElement>();
        for (var i = 0; i < 8; i++)
        {
            var order = await Api.PlaceOrder(Pickup(store, (sku, 2)));
            var id = Id(await Api.Single(order));
            await Api.Do(id, "pick");
            await Api.Do(id, "ready");
            orders.Add(order);
        }
        await using var second = omni.WithWebHostBuilder(_ => { });
        _ = second.Server; // a second node on the same database, with its own expiry worker

        clock.Advance(TimeSpan.FromDays(1.5));
        foreach (var order in orders) await Eventually(async () => await Api.Single(order), f => Status(f) == "expired");

        foreach (var order in orders) Assert.Single(await Api.Events("fulfillment.expired", order));
        Assert.Equal((20, 0), await Api.Position(store, sku));
        await StockInvariants.AssertAsync(omni);
    }

    [Fact]
    public async Task A_short_pick_corrects_the_store_s_stock_and_re_sources_the_missing_units_elsewhere()
    {
        var nearLyon = await ApiSeed.Location(_admin, "NEAR", "store", 45.76, 4.83, ["ship", "pickup"]);
        var paris = await ApiSeed.Location(_admin, "FAR", "warehouse", 48.85, 2.35, ["ship"]);
        var sku = await ApiSeed.Product(_admin, 5m);
        await ApiSeed.Stock(_admin, nearLyon, sku, 3);
        var order = await Api.PlaceOrder(Ship("web", (sku, 3)));
        var first = await Api.Single(order);
        Assert.Equal(nearLyon, first.GetProperty("locationCode").GetString());
        await ApiSeed.Stock(_admin, paris, sku, 10); // arrives after the order was sourced to the store

        var picked = await Api.Do(Id(first), "pick", new { lines = new[] { new { orderLineId = LineId(order), quantity = 1 } } });

        Assert.Equal("picking", Status(picked));
        Assert.Equal((1, 2), (picked.GetProperty("lines")[0].GetProperty("quantity").GetInt32(), picked.GetProperty("lines")[0].GetProperty("shortQuantity").GetInt32()));
        var resourced = (await Api.OfOrder(order)).Single(f => Id(f) != Id(first));
        Assert.Equal((paris, "allocated", Id(first)), (resourced.GetProperty("locationCode").GetString(), Status(resourced), resourced.GetProperty("replacesFulfillmentId").GetGuid()));
        Assert.Equal(2, resourced.GetProperty("lines")[0].GetProperty("quantity").GetInt32());
        Assert.Equal((1, 1), await Api.Position(nearLyon, sku));
        Assert.Equal((10, 2), await Api.Position(paris, sku));
        var allocations = (await Api.Order(order)).GetProperty("lines")[0].GetProperty("allocations").EnumerateArray()
            .ToDictionary(a => a.GetProperty("locationCode").GetString()!, a => a.GetProperty("quantity").GetInt32());
        Assert.Equal(new Dictionary<string, int> { [nearLyon] = 1, [paris] = 2 }, allocations);
        Assert.Single(await Api.Events("fulfillment.resourced", order));
        await StockInvariants.AssertAsync(omni);
    }

    [Fact]
    public async Task A_short_pick_is_re_sourced_by_the_optimizer_to_a_cheaper_location_that_is_not_the_nearest_and_the_order_says_why()
    {
        var lyon = await ApiSeed.Location(_admin, "SHORT", "store", 45.76, 4.83, ["ship"]);
        var villeurbanne = await ApiSeed.Location(_admin, "NEARBY", "store", 45.77, 4.88, ["ship"]);
        var macon = await ApiSeed.Location(_admin, "DC", "warehouse", 46.31, 4.83, ["ship"]);
        var sku = await ApiSeed.Product(_admin, 5m);
        await ApiSeed.Stock(_admin, lyon, sku, 3);
        var order = await Api.PlaceOrder(Ship("web", (sku, 3)));
        var first = await Api.Single(order);
        Assert.Equal(lyon, first.GetProperty("locationCode").GetString());
        // Arrive after the order was sourced: the store 4 km away is nearer, the warehouse 60 km away ships and picks for less.
        await ApiSeed.Stock(_admin, villeurbanne, sku, 10);
        await ApiSeed.Stock(_admin, macon, sku, 10);

        await Api.Do(Id(first), "pick", new { lines = new[] { new { orderLineId = LineId(order), quantity = 1 } } });

        var resourced = (await Api.OfOrder(order)).Single(f => Id(f) != Id(first));
        Assert.Equal((macon, 2), (resourced.GetProperty("locationCode").GetString(), resourced.GetProperty("lines")[0].GetProperty("quantity").GetInt32()));
        Assert.Equal((10, 0), await Api.Position(villeurbanne, sku));
        Assert.Equal((10, 2), await Api.Position(macon, sku));
        var sourcing = await (await _admin.GetAsync($"/api/v1/orders/{Id(order)}/sourcing")).Json(HttpStatusCode.OK);
        var again = Assert.Single(sourcing.GetProperty("resourcing").EnumerateArray());
        Assert.Equal((Id(first), "short pick"), (again.GetProperty("fulfillmentId").GetGuid(), again.GetProperty("reason").GetString()));
        var line = Assert.Single(again.GetProperty("explanation").GetProperty("lines").EnumerateArray());
        Assert.Equal((1, 2), (line.GetProperty("line").GetInt32(), line.GetProperty("quantity").GetInt32()));
        var verdicts = line.GetProperty("candidates").EnumerateArray()
            .ToDictionary(c => c.GetProperty("locationCode").GetString()!, c => c.GetProperty("verdict").GetString());
        Assert.Equal(new Dictionary<string, string?> { [macon] = "chosen", [villeurbanne] = "costlier", [lyon] = "excluded" }, verdicts);
        await StockInvariants.AssertAsync(omni);
    }

    [Fact]
    public async Task A_short_pick_nothing_else_can_serve_cancels_those_units_and_payments_hear_of_it()
    {
        var store = await ApiSeed.Location(_admin, "STORE");
        var sku = await ApiSeed.Product(_admin, 4m);
        await ApiSeed.Stock(_admin, store, sku, 2);
        var order = await Api.PlaceOrder(Pickup(store, (sku, 2)));
        var id = Id(await Api.Single(order));

        var picked = await Api.Do(id, "pick", new { lines = new[] { new { orderLineId = LineId(order), quantity = 0 } } });

        Assert.Equal("cancelled", Status(picked));
        var placed = await Api.Order(order);
        Assert.Equal("cancelled", Status(placed));
        Assert.Equal(2, placed.GetProperty("lines")[0].GetProperty("cancelledQuantity").GetInt32());
        Assert.Equal((0, 0), await Api.Position(store, sku));
        var cancelled = Assert.Single(await Api.Events("order.lines_cancelled", order));
        Assert.Equal(8.00m, cancelled.GetProperty("amount").GetProperty("amount").GetDecimal());
        await StockInvariants.AssertAsync(omni);
    }

    [Fact]
    public async Task Ship_from_store_consumes_the_stock_at_shipping_and_the_order_can_no_longer_be_cancelled()
    {
        var store = await ApiSeed.Location(_admin, "SFS", "store", 45.76, 4.83, ["ship"]);
        var sku = await ApiSeed.Product(_admin, 7m);
        await ApiSeed.Stock(_admin, store, sku, 6);
        var order = await Api.PlaceOrder(Ship("web", (sku, 2)));
        var id = Id(await Api.Single(order));

        await (await Api.Send(id, "ship")).Problem(HttpStatusCode.Conflict, "invalid_transition");
        await Api.Do(id, "pick");
        Assert.Equal("packed", Status(await Api.Do(id, "pack")));
        var shipped = await Api.Do(id, "ship", new { carrier = "Colissimo", trackingNumber = "6A123" });

        Assert.Equal(("shipped", "Colissimo", "6A123"), (Status(shipped), shipped.GetProperty("carrier").GetString(), shipped.GetProperty("trackingNumber").GetString()));
        Assert.Equal((4, 0), await Api.Position(store, sku));
        Assert.Equal("fulfilling", Status(await Api.Order(order)));
        await (await _admin.PostJson($"/api/v1/orders/{Id(order)}/cancel", new { reason = "too late" })).Problem(HttpStatusCode.Conflict, "order_not_cancellable");
        var capture = Assert.Single(await Api.Events("fulfillment.shipped", order));
        Assert.Equal(14.00m, capture.GetProperty("amount").GetProperty("amount").GetDecimal());
        var movements = await (await _admin.GetAsync($"/api/v1/inventory/{store}/{sku}/movements")).Json(HttpStatusCode.OK);
        Assert.Contains(movements.GetProperty("items").EnumerateArray(), m => m.GetProperty("reason").GetString() == "shipment" && m.GetProperty("delta").GetInt32() == -2);

        Assert.Equal("delivered", Status(await Api.Do(id, "deliver")));
        Assert.Equal("completed", Status(await Api.Order(order)));
        await StockInvariants.AssertAsync(omni);
    }

    [Fact]
    public async Task Ship_to_store_leaves_the_origin_s_books_when_shipped_and_joins_the_store_s_reserved_when_received()
    {
        var warehouse = await ApiSeed.Location(_admin, "WH", "warehouse", 45.75, 4.85, ["ship"]);
        var store = await ApiSeed.Location(_admin, "STS", "store", 45.76, 4.83, ["pickup", "shipToStore"]);
        var sku = await ApiSeed.Product(_admin, 9m);
        await ApiSeed.Stock(_admin, warehouse, sku, 5);
        var order = await Api.PlaceOrder(At("shipToStore", store, sku, 2));
        var fulfillment = await Api.Single(order);
        var id = Id(fulfillment);
        Assert.Equal((warehouse, store), (fulfillment.GetProperty("locationCode").GetString(), fulfillment.GetProperty("handoverLocationCode").GetString()));

        await Api.Do(id, "pick");
        await Api.Do(id, "pack");
        Assert.Equal("in_transit", Status(await Api.Do(id, "ship", new { carrier = "DHL" })));
        Assert.Equal((3, 0), await Api.Position(warehouse, sku));
        Assert.Equal((0, 0), await Api.Position(store, sku));
        Assert.Equal("fulfilling", Status(await Api.Order(order)));

        Assert.Equal("received_at_store", Status(await Api.Do(id, "deliver")));
        Assert.Equal((2, 2), await Api.Position(store, sku));
        var code = (await Api.Do(id, "ready")).GetProperty("pickupCode").GetString();
        Assert.Equal("picked_up", Status(await Api.Do(id, "handover", new { pickupCode = code })));

        Assert.Equal((0, 0), await Api.Position(store, sku));
        Assert.Equal((3, 0), await Api.Position(warehouse, sku));
        Assert.Equal("completed", Status(await Api.Order(order)));
        Assert.Single(await Api.Events("fulfillment.handed_over", order));
        Assert.Empty(await Api.Events("fulfillment.shipped", order, 0)); // earlier events are in the feed once a later one is

        await StockInvariants.AssertAsync(omni);
    }

    [Fact]
    public async Task Curbside_waits_for_the_customer_s_arrival_and_a_plain_pickup_has_no_arrival()
    {
        var store = await ApiSeed.Location(_admin, "CURB");
        var sku = await ApiSeed.Product(_admin);
        await ApiSeed.Stock(_admin, store, sku, 3);
        var curbside = await Api.PlaceOrder(At("curbside", store, sku, 1));
        var pickup = await Api.PlaceOrder(Pickup(store, (sku, 1)));
        var (curbsideId, pickupId) = (Id(await Api.Single(curbside)), Id(await Api.Single(pickup)));
        foreach (var id in new[] { curbsideId, pickupId }) await Api.Do(id, "pick");
        var code = (await Api.Do(curbsideId, "ready")).GetProperty("pickupCode").GetString();
        await Api.Do(pickupId, "ready");

        Assert.Equal("customer_arrived", Status(await Api.Do(curbsideId, "arrived")));
        await (await Api.Send(pickupId, "arrived")).Problem(HttpStatusCode.Conflict, "invalid_transition");
        Assert.Single(await Api.Events("fulfillment.customer_arrived", curbside));
        Assert.Equal("picked_up", Status(await Api.Do(curbsideId, "handover", new { pickupCode = code })));

        Assert.Equal((2, 1), await Api.Position(store, sku));
        await StockInvariants.AssertAsync(omni);
    }

    [Fact]
    public async Task A_till_sale_is_carried_out_at_once_and_re_sources_the_online_order_it_left_uncovered()
    {
        var store = await ApiSeed.Location(_admin, "TILL", "store", 45.76, 4.83, ["ship", "pickup"]);
        var warehouse = await ApiSeed.Location(_admin, "WH", "warehouse", 48.85, 2.35, ["ship"]);
        var sku = await ApiSeed.Product(_admin);
        await ApiSeed.Stock(_admin, store, sku, 2);
        var online = await Api.PlaceOrder(Ship("web", (sku, 2)));
        var promised = await Api.Single(online);
        Assert.Equal(store, promised.GetProperty("locationCode").GetString());
        await ApiSeed.Stock(_admin, warehouse, sku, 10); // arrives after the order was sourced to the store

        var sale = await (await _admin.PostJson($"/api/v1/stores/{store}/sales",
            new { lines = new[] { new { sku, quantity = 1, unitPrice = new { amount = 19.99m, currency = "EUR" } } } }, Guid.NewGuid().ToString())).Json(HttpStatusCode.Created);

        Assert.Equal("completed", Status(sale));
        var carriedOut = await Api.Single(sale);
        Assert.Equal(("carryOut", "picked_up"), (carriedOut.GetProperty("method").GetString(), Status(carriedOut)));
        await omni.WaitForSubscribersAsync();
        var fulfillments = await Api.OfOrder(online);
        Assert.Equal(2, fulfillments.Count);
        var atStore = fulfillments.Single(f => Id(f) == Id(promised));
        Assert.Equal((1, 1), (atStore.GetProperty("lines")[0].GetProperty("quantity").GetInt32(), atStore.GetProperty("lines")[0].GetProperty("shortQuantity").GetInt32()));
        var resourced = fulfillments.Single(f => Id(f) != Id(promised));
        Assert.Equal((warehouse, 1), (resourced.GetProperty("locationCode").GetString(), resourced.GetProperty("lines")[0].GetProperty("quantity").GetInt32()));
        Assert.Equal((1, 1), await Api.Position(store, sku));
        Assert.Equal((10, 1), await Api.Position(warehouse, sku));
        await StockInvariants.AssertAsync(omni);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    private static object At(string method, string store, string sku, int quantity) => new
    {
        channel = "web",
        customer = new { email = "ana@example.com", name = "Ana" },
        lines = new[] { new { sku, quantity, fulfillment = new { method, locationCode = store } } },
    };

    private static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Still not there: {value}");
            await Task.Delay(50);
        }
    }
}

public sealed class FulfillmentFlowTests_Sqlite(FulfillmentSqliteOmni omni) : FulfillmentFlowTests(omni, omni.Clock), IClassFixture<FulfillmentSqliteOmni>;

public sealed class FulfillmentFlowTests_Postgres(FulfillmentPostgresOmni omni) : FulfillmentFlowTests(omni, omni.Clock), IClassFixture<FulfillmentPostgresOmni>;
