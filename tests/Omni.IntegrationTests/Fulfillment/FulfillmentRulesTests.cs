using System.Net;
using Omni.IntegrationTests.Infrastructure;
using static Omni.IntegrationTests.Fulfillment.FulfillmentApi;
using static Omni.IntegrationTests.Orders.OrderRequests;

namespace Omni.IntegrationTests.Fulfillment;

/// <summary>Who may act on a fulfillment, what happens when two act at once, and what bad input gets.</summary>
public abstract class FulfillmentRulesTests(OmniFactory omni)
{
    private readonly HttpClient _admin = omni.Admin();
    private FulfillmentApi Api => new(_admin);

    [Fact]
    public async Task A_store_bound_key_sees_and_works_only_its_own_store_s_queue_and_never_the_pickup_code()
    {
        var (mine, theirs) = (await ApiSeed.Location(_admin, "MINE"), await ApiSeed.Location(_admin, "THEIRS"));
        var sku = await ApiSeed.Product(_admin);
        await ApiSeed.Stock(_admin, mine, sku, 5);
        await ApiSeed.Stock(_admin, theirs, sku, 5);
        var (myOrder, theirOrder) = (await Api.PlaceOrder(Pickup(mine, (sku, 1))), await Api.PlaceOrder(Pickup(theirs, (sku, 1))));
        var (myId, theirId) = (Id(await Api.Single(myOrder)), Id(await Api.Single(theirOrder)));
        var key = await (await _admin.PostJson("/api/v1/api-keys", new { name = OmniFactory.Unique("till"), scopes = new[] { "orders" }, storeCode = mine })).Json(HttpStatusCode.Created);
        var store = omni.ClientWithKey(key.GetProperty("key").GetString());

        await (await store.GetAsync($"/api/v1/locations/{theirs}/fulfillments")).Problem(HttpStatusCode.Forbidden, "forbidden");
        await (await store.GetAsync($"/api/v1/fulfillments/{theirId}")).Problem(HttpStatusCode.Forbidden, "forbidden");
        await (await store.PostJson($"/api/v1/fulfillments/{theirId}/pick", new { })).Problem(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("allocated", Status(await Api.Get(theirId)));

        var queue = await (await store.GetAsync($"/api/v1/locations/{mine}/fulfillments")).Json(HttpStatusCode.OK);
        Assert.Equal([myId], queue.GetProperty("items").EnumerateArray().Select(Id));
        await (await store.PostJson($"/api/v1/fulfillments/{myId}/pick", new { })).Json(HttpStatusCode.OK);
        var ready = await (await store.PostJson($"/api/v1/fulfillments/{myId}/ready", new { })).Json(HttpStatusCode.OK);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, ready.GetProperty("pickupCode").ValueKind);
        await (await store.GetAsync($"/api/v1/fulfillments/{myId}/pickup-code.png")).Problem(HttpStatusCode.Forbidden, "forbidden");
        var code = (await Api.Get(myId)).GetProperty("pickupCode").GetString();
        Assert.Equal("picked_up", Status(await (await store.PostJson($"/api/v1/fulfillments/{myId}/handover", new { pickupCode = code })).Json(HttpStatusCode.OK)));
        var readOnly = await (await _admin.PostJson("/api/v1/api-keys", new { name = OmniFactory.Unique("reader"), scopes = new[] { "read" } })).Json(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Forbidden, (await omni.ClientWithKey(readOnly.GetProperty("key").GetString()).PostJson($"/api/v1/fulfillments/{theirId}/pick", new { })).StatusCode);
    }

    [Fact]
    public async Task Of_many_associates_pressing_the_same_button_at_once_exactly_one_wins()
    {
        var store = await ApiSeed.Location(_admin, "RACE");
        var sku = await ApiSeed.Product(_admin);
        await ApiSeed.Stock(_admin, store, sku, 10);
        var order = await Api.PlaceOrder(Pickup(store, (sku, 2)));
        var id = Id(await Api.Single(order));
        await Api.Do(id, "pick");
        var code = (await Api.Do(id, "ready")).GetProperty("pickupCode").GetString();

        using var start = new SemaphoreSlim(0);
        var attempts = Enumerable.Range(0, 20).Select(async _ =>
        {
            await start.WaitAsync();
            return await Api.Send(id, "handover", new { pickupCode = code });
        }).ToList();
        start.Release(attempts.Count);
        var responses = await Task.WhenAll(attempts);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var lost in responses.Where(r => r.StatusCode != HttpStatusCode.OK)) await lost.Problem(HttpStatusCode.Conflict, "invalid_transition");
        Assert.Equal((8, 0), await Api.Position(store, sku));
        Assert.Single(await Api.Events("fulfillment.handed_over", order));
        await StockInvariants.AssertAsync(omni);
    }

    [Fact]
    public async Task Different_fulfillments_of_one_order_moved_at_once_all_succeed_and_the_order_completes()
    {
        var sku = await ApiSeed.Product(_admin);
        var stores = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            stores.Add(await ApiSeed.Location(_admin, $"S{i}"));
            await ApiSeed.Stock(_admin, stores[i], sku, 1);
        }
        var order = await Api.PlaceOrder(new
        {
            channel = "web",
            lines = stores.Select(s => new { sku, quantity = 1, fulfillment = new { method = "carryOut", locationCode = s } }).ToArray(),
        });
        var ids = (await Api.OfOrder(order)).Select(Id).ToList();
        Assert.Equal(4, ids.Count);

        var responses = await Task.WhenAll(ids.Select(id => Api.Send(id, "handover")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal("completed", Status(await Api.Order(order)));
        await StockInvariants.AssertAsync(omni);
    }

    [Fact]
    public async Task Bad_input_gets_problem_details_and_changes_nothing()
    {
        var store = await ApiSeed.Location(_admin, "BAD");
        var sku = await ApiSeed.Product(_admin);
        await ApiSeed.Stock(_admin, store, sku, 3);
        var order = await Api.PlaceOrder(Pickup(store, (sku, 2)));
        var id = Id(await Api.Single(order));

        await (await Api.Send(Guid.NewGuid(), "pick")).Problem(HttpStatusCode.NotFound, "not_found");
        await (await _admin.GetAsync($"/api/v1/fulfillments/{Guid.NewGuid()}")).Problem(HttpStatusCode.NotFound, "not_found");
        await (await _admin.GetAsync($"/api/v1/fulfillments/{Guid.NewGuid()}/pickup-code.png")).Problem(HttpStatusCode.NotFound, "not_found");
        await (await _admin.GetAsync("/api/v1/locations/NO-SUCH-STORE/fulfillments")).Problem(HttpStatusCode.NotFound, "not_found");
        await (await _admin.GetAsync($"/api/v1/orders/{Guid.NewGuid()}/fulfillments")).Problem(HttpStatusCode.NotFound, "not_found");
        var badQueue = await (await _admin.GetAsync($"/api/v1/locations/{store}/fulfillments?status=lost,picking&limit=0&after=x")).Problem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(["after", "limit", "status"], badQueue.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());

        var badPick = await (await Api.Send(id, "pick", new { lines = new object[] { new { orderLineId = LineId(order), quantity = -1 }, new { quantity = 1 } } }))
            .Problem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(badPick.GetProperty("errors").TryGetProperty("lines[0].quantity", out _));
        Assert.True(badPick.GetProperty("errors").TryGetProperty("lines[1].orderLineId", out _));
        await (await Api.Send(id, "pick", new { lines = new[] { new { orderLineId = Guid.NewGuid(), quantity = 1 } } })).Problem(HttpStatusCode.BadRequest, "validation_failed");
        await (await Api.Send(id, "pick", new { lines = new[] { new { orderLineId = LineId(order), quantity = 3 } } })).Problem(HttpStatusCode.BadRequest, "validation_failed");
        await (await _admin.SendRaw(HttpMethod.Post, $"/api/v1/fulfillments/{id}/pick", "{\"lines\": 5}")).Problem(HttpStatusCode.BadRequest, "malformed_request");
        await (await Api.Send(id, "ship", new { carrier = new string('x', 101) })).Problem(HttpStatusCode.BadRequest, "validation_failed");
        await (await Api.Send(id, "handover", new { pickupCode = "ABC234" })).Problem(HttpStatusCode.Conflict, "invalid_transition");
        await (await Api.Send(id, "deliver")).Problem(HttpStatusCode.Conflict, "invalid_transition");
        Assert.Equal("allocated", Status(await Api.Get(id)));

        await Api.Do(id, "pick");
        await Api.Do(id, "ready");
        await (await Api.Send(id, "handover")).Problem(HttpStatusCode.BadRequest, "validation_failed");
        await (await Api.Send(id, "pick")).Problem(HttpStatusCode.Conflict, "invalid_transition");
        Assert.Equal("ready_for_pickup", Status(await Api.Get(id)));
        Assert.Equal((3, 2), await Api.Position(store, sku));
        await StockInvariants.AssertAsync(omni);
    }

    [Fact]
    public async Task Cancelling_an_order_before_anything_left_cancels_its_fulfillments_and_releases_their_stock()
    {
        var store = await ApiSeed.Location(_admin, "CXL");
        var sku = await ApiSeed.Product(_admin);
        await ApiSeed.Stock(_admin, store, sku, 3);
        var order = await Api.PlaceOrder(Pickup(store, (sku, 2)));
        var id = Id(await Api.Single(order));
        await Api.Do(id, "pick");

        await (await _admin.PostJson($"/api/v1/orders/{Id(order)}/cancel", new { reason = "changed my mind" })).Json(HttpStatusCode.OK);

        Assert.Equal("cancelled", Status(await Api.Get(id)));
        Assert.Equal((3, 0), await Api.Position(store, sku));
        await (await Api.Send(id, "ready")).Problem(HttpStatusCode.Conflict, "invalid_transition");
        var waiting = await (await _admin.GetAsync($"/api/v1/locations/{store}/fulfillments")).Json(HttpStatusCode.OK);
        Assert.DoesNotContain(waiting.GetProperty("items").EnumerateArray(), f => Id(f) == id);
        var cancelled = await (await _admin.GetAsync($"/api/v1/locations/{store}/fulfillments?status=cancelled")).Json(HttpStatusCode.OK);
        Assert.Contains(cancelled.GetProperty("items").EnumerateArray(), f => Id(f) == id);
        await StockInvariants.AssertAsync(omni);
    }

    [Fact]
    public async Task A_location_holds_pickups_seven_days_unless_told_otherwise_within_one_to_ninety()
    {
        var store = await ApiSeed.Location(_admin, "HOLD");
        Assert.Equal(7, (await (await _admin.GetAsync($"/api/v1/locations/{store}")).Json(HttpStatusCode.OK)).GetProperty("pickupHoldDays").GetInt32());
        var held = await ApiSeed.LocationWithCode(_admin, OmniFactory.Unique("HOLD"), pickupHoldDays: 3);
        Assert.Equal(3, (await (await _admin.GetAsync($"/api/v1/locations/{held}")).Json(HttpStatusCode.OK)).GetProperty("pickupHoldDays").GetInt32());

        foreach (var days in new[] { 0, 91 })
        {
            var problem = await (await _admin.PostJson("/api/v1/locations", new
            {
                code = OmniFactory.Unique("HOLD"), name = "Hold", type = "store",
                address = new { line1 = "1 Rue de Test", city = "Paris", postalCode = "75001", country = "FR" },
                latitude = 48.85, longitude = 2.35, timeZone = "Europe/Paris", capabilities = new[] { "pickup" }, dailyOrderCapacity = 10,
                pickupHoldDays = days,
            })).Problem(HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty("pickupHoldDays", out _));
        }
    }

    [Fact]
    public async Task The_work_queue_pages_oldest_first()
    {
        var store = await ApiSeed.Location(_admin, "PAGE");
        var sku = await ApiSeed.Product(_admin);
        await ApiSeed.Stock(_admin, store, sku, 10);
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++) ids.Add(Id(await Api.Single(await Api.PlaceOrder(Pickup(store, (sku, 1))))));

        var seen = new List<Guid>();
        string? after = null;
        do
        {
            var page = await (await _admin.GetAsync($"/api/v1/locations/{store}/fulfillments?limit=2" + (after is null ? "" : $"&after={after}"))).Json(HttpStatusCode.OK);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(Id));
            after = page.GetProperty("next").GetString();
        }
        while (after is not null);

        Assert.Equal(ids, seen);
    }
}

public sealed class FulfillmentRulesTests_Sqlite(SqliteOmni omni) : FulfillmentRulesTests(omni), IClassFixture<SqliteOmni>;

public sealed class FulfillmentRulesTests_Postgres(PostgresOmni omni) : FulfillmentRulesTests(omni), IClassFixture<PostgresOmni>;
