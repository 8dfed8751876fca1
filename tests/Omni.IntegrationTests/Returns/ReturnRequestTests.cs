using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omni.IntegrationTests.Infrastructure;
using Omni.IntegrationTests.Integration;
using Omni.Returns.Data;
using static Omni.IntegrationTests.Orders.OrderRequests;
using static Omni.IntegrationTests.Returns.ReturnSeed;

namespace Omni.IntegrationTests.Returns;

/// <summary>Returns started online: requested for a chosen store, expected there, received through the one return path, cancelled, expired.</summary>
public abstract class ReturnRequestTests(OmniFactory omni)
{
    private readonly HttpClient _api = omni.Admin();

    [Fact]
    public async Task A_web_order_returned_online_is_expected_and_received_at_a_store_that_never_stocked_the_items()
    {
        var (tee, mug) = (await Product(_api, "apparel/tops", 19.99m), await Product(_api, "home/kitchen", 8m));
        var orderId = await WebOrderOf(_api, (tee, 1), (mug, 2));
        var store = await ApiSeed.Location(_api, "LYON", capabilities: ["pickup", "returns"]);

        var requested = await Requested(_api, RequestBody(orderId, store, (tee, 1), (mug, 2)));
        var (id, code) = (requested.GetProperty("id").GetGuid(), requested.GetProperty("code").GetString()!);
        Assert.Equal("requested", requested.GetProperty("status").GetString());
        Assert.Equal(store, requested.GetProperty("locationCode").GetString());
        Assert.Matches("^[2-9A-HJKMNP-Z]{8}$", code);
        Assert.Equal("ana@example.com", requested.GetProperty("customer").GetProperty("email").GetString());
        Assert.InRange(requested.GetProperty("expiresAt").GetDateTime() - requested.GetProperty("requestedAt").GetDateTime(), TimeSpan.FromDays(29.9), TimeSpan.FromDays(30));

        var queue = await (await _api.GetAsync($"/api/v1/returns/requests?locationCode={store}&status=requested")).Json(HttpStatusCode.OK);
        Assert.Equal([id], Ids(queue));
        var scanned = await (await _api.GetAsync($"/api/v1/returns/requests?code=omni-return:{code.ToLowerInvariant()}")).Json(HttpStatusCode.OK);
        Assert.Equal([id], Ids(scanned));
        var png = await _api.GetAsync($"/api/v1/returns/requests/{id}/code.png");
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0x89, (await png.Content.ReadAsByteArrayAsync())[0]);
        Assert.Equal(0, (await ApiSeed.Position(_api, store, tee)).GetProperty("onHand").GetInt32());

        var received = await (await _api.PostJson($"/api/v1/returns/requests/{id}/receive",
            Counted(("sellable", tee, 1), ("damaged", mug, 2)), Guid.NewGuid().ToString())).Json(HttpStatusCode.Created);

        Assert.Equal(store, received.GetProperty("locationCode").GetString());
        var lines = received.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("sku").GetString()!);
        Assert.Equal(("restock", "unsellable"), (lines[tee].GetProperty("disposition").GetString(), lines[mug].GetProperty("disposition").GetString()));
        Assert.Equal("changed my mind", lines[tee].GetProperty("reason").GetString());
        Assert.Equal(35.99m, received.GetProperty("refund").GetProperty("amount").Amount());
        var teePosition = await ApiSeed.Position(_api, store, tee);
        Assert.Equal((1, 1), (teePosition.GetProperty("onHand").GetInt32(), teePosition.GetProperty("available").GetInt32()));
        var mugPosition = await ApiSeed.Position(_api, store, mug);
        Assert.Equal((0, 2, 0), (mugPosition.GetProperty("onHand").GetInt32(), mugPosition.GetProperty("unsellable").GetInt32(), mugPosition.GetProperty("available").GetInt32()));

        var closed = await (await _api.GetAsync($"/api/v1/returns/requests/{id}")).Json(HttpStatusCode.OK);
        Assert.Equal("received", closed.GetProperty("status").GetString());
        Assert.Equal(received.GetProperty("id").GetGuid(), closed.GetProperty("returnId").GetGuid());
        Assert.Empty(Ids(await (await _api.GetAsync($"/api/v1/returns/requests?locationCode={store}&status=requested")).Json(HttpStatusCode.OK)));

        await Feed.WaitForOne(_api, "return.requested", e => e.GetProperty("data").GetProperty("returnRequestId").GetGuid() == id);
        await Feed.WaitForOne(_api, "return.received", e => e.GetProperty("data").GetProperty("returnRequestId").ValueKind == JsonValueKind.String
            && e.GetProperty("data").GetProperty("returnRequestId").GetGuid() == id);
    }

    [Fact]
    public async Task A_request_is_received_once_a_retry_with_the_key_answers_the_first_return_and_stock_moves_once()
    {
        var sku = await Product(_api, "toys", 10m);
        var (orderId, _) = await WebOrder(_api, sku, 2);
        var store = await ApiSeed.Location(_api, "STORE");
        var id = (await Requested(_api, RequestBody(orderId, store, (sku, 2)))).GetProperty("id").GetGuid();
        var key = Guid.NewGuid().ToString();

        var first = await (await _api.PostJson($"/api/v1/returns/requests/{id}/receive", Counted(("sellable", sku, 1)), key)).Json(HttpStatusCode.Created);
        var retry = await (await _api.PostJson($"/api/v1/returns/requests/{id}/receive", Counted(("sellable", sku, 1)), key)).Json(HttpStatusCode.Created);
        Assert.Equal(first.GetProperty("id").GetGuid(), retry.GetProperty("id").GetGuid());
        await (await _api.PostJson($"/api/v1/returns/requests/{id}/receive", Counted(("sellable", sku, 1)), Guid.NewGuid().ToString()))
            .Problem(HttpStatusCode.Conflict, "return_request_not_open");
        await (await _api.PostJson($"/api/v1/returns/requests/{id}/receive", Counted(("opened", sku, 1)), key))
            .Problem((HttpStatusCode)422, "idempotency_key_reused");
        await (await _api.PostJson($"/api/v1/returns/requests/{id}/cancel", new { })).Problem(HttpStatusCode.Conflict, "return_request_not_open");

        Assert.Equal(1, (await ApiSeed.Position(_api, store, sku)).GetProperty("onHand").GetInt32());
        Assert.Equal(1, (await (await _api.GetAsync($"/api/v1/returns?orderId={orderId}")).Json(HttpStatusCode.OK)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Parallel_receipts_of_one_request_make_exactly_one_return()
    {
        var sku = await Product(_api, "toys", 10m);
        var (orderId, _) = await WebOrder(_api, sku, 1);
        var store = await ApiSeed.Location(_api, "STORE");
        var id = (await Requested(_api, RequestBody(orderId, store, (sku, 1)))).GetProperty("id").GetGuid();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            _api.PostJson($"/api/v1/returns/requests/{id}/receive", Counted(("sellable", sku, 1)), Guid.NewGuid().ToString())));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await refused.Problem(HttpStatusCode.Conflict, "return_request_not_open");
        Assert.Equal(1, (await ApiSeed.Position(_api, store, sku)).GetProperty("onHand").GetInt32());
    }

    [Fact]
    public async Task Bad_requests_and_bad_receipts_are_refused_with_problems_and_change_nothing()
    {
        var sku = await Product(_api, "toys", 10m);
        var (orderId, _) = await WebOrder(_api, sku, 2);
        var store = await ApiSeed.Location(_api, "STORE");
        var noReturns = await ApiSeed.Location(_api, "SHIPONLY", capabilities: ["ship"]);

        var invalid = await (await _api.PostJson("/api/v1/returns/requests", new
        {
            locationCode = "bad code", lines = new[] { new { sku = "", quantity = 0, reason = new string('x', 201) } },
        })).Problem(HttpStatusCode.BadRequest, "validation_failed");
        foreach (var field in new[] { "orderId", "locationCode", "lines[0].sku", "lines[0].quantity", "lines[0].reason" })
            Assert.True(invalid.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {invalid}");
        await (await _api.PostJson("/api/v1/returns/requests", RequestBody(orderId, noReturns, (sku, 1)))).Problem(HttpStatusCode.BadRequest, "validation_failed");
        await (await _api.PostJson("/api/v1/returns/requests", RequestBody(Guid.NewGuid(), store, (sku, 1)))).Problem(HttpStatusCode.NotFound, "not_found");
        var notBought = await (await _api.PostJson("/api/v1/returns/requests", RequestBody(orderId, store, ("OTHER-SKU", 1)))).Problem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(notBought.GetProperty("errors").TryGetProperty("lines[0].sku", out _));
        await (await _api.PostJson("/api/v1/returns/requests", RequestBody(orderId, store, (sku, 1), (sku, 1)))).Problem(HttpStatusCode.BadRequest, "validation_failed");
        var tooMany = await (await _api.PostJson("/api/v1/returns/requests", RequestBody(orderId, store, (sku, 3)))).Problem(HttpStatusCode.Conflict, "quantity_exceeds_purchased");
        Assert.Equal(2, tooMany.GetProperty("returnable").GetInt32());
        Assert.Empty(Ids(await (await _api.GetAsync($"/api/v1/returns/requests?orderId={orderId}")).Json(HttpStatusCode.OK)));

        var id = (await Requested(_api, RequestBody(orderId, store, (sku, 1)))).GetProperty("id").GetGuid();
        var promised = await (await _api.PostJson("/api/v1/returns/requests", RequestBody(orderId, store, (sku, 2)))).Problem(HttpStatusCode.Conflict, "quantity_exceeds_purchased");
        Assert.Equal(1, promised.GetProperty("returnable").GetInt32());

        var badCount = await (await _api.PostJson($"/api/v1/returns/requests/{id}/receive", new
        {
            lines = new object[] { new { sku, quantity = 2, condition = "sellable" }, new { sku = "OTHER-SKU", quantity = 1, condition = "sellable" }, new { sku, quantity = 1 } },
        })).Problem(HttpStatusCode.BadRequest, "validation_failed");
        foreach (var field in new[] { "lines[0].quantity", "lines[1].sku", "lines[2].condition" })
            Assert.True(badCount.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {badCount}");
        await (await _api.PostJson($"/api/v1/returns/requests/{id}/receive", new { lines = Array.Empty<object>() })).Problem(HttpStatusCode.BadRequest, "validation_failed");
        await (await _api.PostJson($"/api/v1/returns/requests/{id}/receive", Counted(("sellable", sku, 1)) with { LocationCode = noReturns }))
            .Problem(HttpStatusCode.BadRequest, "validation_failed");
        await (await _api.PostJson($"/api/v1/returns/requests/{Guid.NewGuid()}/receive", Counted(("sellable", sku, 1)))).Problem(HttpStatusCode.NotFound, "not_found");

        Assert.Equal("requested", (await (await _api.GetAsync($"/api/v1/returns/requests/{id}")).Json(HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.Equal(0, (await ApiSeed.Position(_api, store, sku)).GetProperty("onHand").GetInt32());
        Assert.Equal(0, (await (await _api.GetAsync($"/api/v1/returns?orderId={orderId}")).Json(HttpStatusCode.OK)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_cancelled_request_is_no_longer_expected_and_frees_its_units_for_another_return()
    {
        var sku = await Product(_api, "toys", 10m);
        var (orderId, _) = await WebOrder(_api, sku, 1);
        var store = await ApiSeed.Location(_api, "STORE");
        var id = (await Requested(_api, RequestBody(orderId, store, (sku, 1)))).GetProperty("id").GetGuid();

        var cancelled = await (await _api.PostJson($"/api/v1/returns/requests/{id}/cancel", new { })).Json(HttpStatusCode.OK);

        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        await (await _api.PostJson($"/api/v1/returns/requests/{id}/cancel", new { })).Problem(HttpStatusCode.Conflict, "return_request_not_open");
        await (await _api.PostJson($"/api/v1/returns/requests/{id}/receive", Counted(("sellable", sku, 1)))).Problem(HttpStatusCode.Conflict, "return_request_not_open");
        Assert.Empty(Ids(await (await _api.GetAsync($"/api/v1/returns/requests?locationCode={store}&status=requested")).Json(HttpStatusCode.OK)));
        Assert.Equal(0, (await ApiSeed.Position(_api, store, sku)).GetProperty("onHand").GetInt32());
        await Requested(_api, RequestBody(orderId, store, (sku, 1)));
        await Feed.WaitForOne(_api, "return.request_cancelled", e => e.GetProperty("data").GetProperty("returnRequestId").GetGuid() == id);
    }

    [Fact]
    public async Task A_request_past_its_window_reads_as_expired_and_can_be_neither_received_nor_cancelled()
    {
        var sku = await Product(_api, "toys", 10m);
        var (orderId, _) = await WebOrder(_api, sku, 1);
        var store = await ApiSeed.Location(_api, "STORE");
        var id = (await Requested(_api, RequestBody(orderId, store, (sku, 1)))).GetProperty("id").GetGuid();
        await omni.InScope(async services =>
        {
            var db = services.GetRequiredService<ReturnsDbContext>();
            var request = await db.Requests.FirstAsync(r => r.Id == id);
            db.Entry(request).Property(r => r.ExpiresAt).CurrentValue = DateTime.UtcNow.AddMinutes(-1);
            return await db.SaveChangesAsync();
        });

        Assert.Equal("expired", (await (await _api.GetAsync($"/api/v1/returns/requests/{id}")).Json(HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.Empty(Ids(await (await _api.GetAsync($"/api/v1/returns/requests?locationCode={store}&status=requested")).Json(HttpStatusCode.OK)));
        Assert.Equal([id], Ids(await (await _api.GetAsync($"/api/v1/returns/requests?locationCode={store}&status=expired")).Json(HttpStatusCode.OK)));
        await (await _api.PostJson($"/api/v1/returns/requests/{id}/receive", Counted(("sellable", sku, 1)))).Problem(HttpStatusCode.Conflict, "return_request_expired");
        await (await _api.PostJson($"/api/v1/returns/requests/{id}/cancel", new { })).Problem(HttpStatusCode.Conflict, "return_request_expired");
        Assert.Equal(0, (await ApiSeed.Position(_api, store, sku)).GetProperty("onHand").GetInt32());
    }

    [Fact]
    public async Task The_policy_judges_a_request_when_it_is_made_and_it_expires_with_the_earliest_window_of_its_lines()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (shortWindow, finalSale) = ($"short{suffix}", $"clearance{suffix}");
        await SetPolicy(new
        {
            defaultWindowDays = 30,
            categoryWindows = new[] { new { category = shortWindow, days = 10 } },
            finalSaleCategories = new[] { finalSale },
            conditions = new[]
            {
                new { condition = "sellable", accepted = true, disposition = "restock" },
                new { condition = "opened", accepted = true, disposition = "restock" },
                new { condition = "damaged", accepted = true, disposition = "unsellable" },
            },
        });
        try
        {
            var (quick, usual, final) = (await Product(_api, $"{shortWindow}/x"), await Product(_api, "toys"), await Product(_api, finalSale));
            var orderId = await WebOrderOf(_api, (quick, 1), (usual, 1), (final, 1));
            var store = await ApiSeed.Location(_api, "STORE");

            var refused = await (await _api.PostJson("/api/v1/returns/requests", RequestBody(orderId, store, (usual, 1), (final, 1)))).Problem(HttpStatusCode.Conflict, "final_sale");
            Assert.Equal(final, refused.GetProperty("sku").GetString());
            var requested = await Requested(_api, RequestBody(orderId, store, (quick, 1), (usual, 1)));
            var order = await (await _api.GetAsync($"/api/v1/orders/{orderId}")).Json(HttpStatusCode.OK);
            Assert.Equal(order.GetProperty("placedAt").GetDateTime().AddDays(10), requested.GetProperty("expiresAt").GetDateTime(), TimeSpan.FromMilliseconds(1));
        }
        finally
        {
            await SetPolicy(new
            {
                defaultWindowDays = 30,
                conditions = new[]
                {
                    new { condition = "sellable", accepted = true, disposition = "restock" },
                    new { condition = "opened", accepted = true, disposition = "restock" },
                    new { condition = "damaged", accepted = true, disposition = "unsellable" },
                },
            });
        }
    }

    [Fact]
    public async Task A_store_bound_key_sees_and_receives_only_its_own_stores_returns()
    {
        var sku = await Product(_api, "toys", 10m);
        var (orderId, _) = await WebOrder(_api, sku, 1);
        var (mine, other) = (await ApiSeed.Location(_api, "MINE"), await ApiSeed.Location(_api, "OTHER"));
        var requested = await Requested(_api, RequestBody(orderId, other, (sku, 1)));
        var (id, code) = (requested.GetProperty("id").GetGuid(), requested.GetProperty("code").GetString());
        var key = await (await _api.PostJson("/api/v1/api-keys", new { name = OmniFactory.Unique("till"), scopes = new[] { "orders" }, storeCode = mine })).Json(HttpStatusCode.Created);
        var till = omni.ClientWithKey(key.GetProperty("key").GetString());

        await (await till.GetAsync($"/api/v1/returns/requests?locationCode={other}")).Problem(HttpStatusCode.Forbidden, "forbidden");
        Assert.Empty(Ids(await (await till.GetAsync("/api/v1/returns/requests")).Json(HttpStatusCode.OK)));
        await (await till.PostJson($"/api/v1/returns/requests/{id}/receive", Counted(("sellable", sku, 1)))).Problem(HttpStatusCode.Forbidden, "forbidden");
        await (await till.PostJson($"/api/v1/returns/requests/{id}/cancel", new { })).Problem(HttpStatusCode.Forbidden, "forbidden");

        // The customer may still bring it to this store instead: found by its code, and received here, at the counter's own store.
        Assert.Equal([id], Ids(await (await till.GetAsync($"/api/v1/returns/requests?code={code}")).Json(HttpStatusCode.OK)));
        var received = await (await till.PostJson($"/api/v1/returns/requests/{id}/receive", Counted(("sellable", sku, 1)) with { LocationCode = mine }))
            .Json(HttpStatusCode.Created);
        Assert.Equal(mine, received.GetProperty("locationCode").GetString());
        Assert.Equal(1, (await ApiSeed.Position(_api, mine, sku)).GetProperty("onHand").GetInt32());
    }

    private sealed record Count(string? LocationCode, object[] Lines);

    private static Count Counted(params (string Condition, string Sku, int Quantity)[] lines) =>
        new(null, [.. lines.Select(l => new { sku = l.Sku, quantity = l.Quantity, condition = l.Condition })]);

    private static object RequestBody(Guid orderId, string store, params (string Sku, int Quantity)[] lines) => new
    {
        orderId, locationCode = store, lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity, reason = "changed my mind" }).ToArray(),
    };

    private static async Task<JsonElement> Requested(HttpClient api, object body) =>
        await (await api.PostJson("/api/v1/returns/requests", body, Guid.NewGuid().ToString())).Json(HttpStatusCode.Created);

    private static async Task<Guid> WebOrderOf(HttpClient api, params (string Sku, int Quantity)[] lines)
    {
        var warehouse = await ApiSeed.Location(api, "WH", "warehouse", 45.75, 4.85, ["ship"]);
        foreach (var (sku, quantity) in lines) await ApiSeed.Stock(api, warehouse, sku, quantity + 5);
        return (await (await api.PostJson("/api/v1/orders", Ship("web", lines), Guid.NewGuid().ToString())).Json(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    private static List<Guid> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid())];

    private async Task SetPolicy(object policy) => await (await _api.PutJson("/api/v1/returns/policy", policy)).Json(HttpStatusCode.OK);
}

public sealed class ReturnRequestTests_Sqlite(SqliteOmni omni) : ReturnRequestTests(omni), IClassFixture<SqliteOmni>;

public sealed class ReturnRequestTests_Postgres(PostgresOmni omni) : ReturnRequestTests(omni), IClassFixture<PostgresOmni>;
