using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omni.IntegrationTests.Infrastructure;
using Omni.Inventory.Data;
using static Omni.IntegrationTests.Orders.OrderRequests;

namespace Omni.IntegrationTests.Orders;

public abstract class OrderTests(OmniFactory omni)
{
    private readonly HttpClient _api = omni.Admin();

    [Fact]
    public async Task Placing_an_order_reserves_its_stock_and_answers_with_allocations_and_total()
    {
        var warehouse = await ApiSeed.Location(_api, "WH", "warehouse", 45.75, 4.85, ["ship"]);
        var sku = await ApiSeed.Product(_api, 19.99m);
        await ApiSeed.Stock(_api, warehouse, sku, 10);

        var order = await (await _api.PostJson("/api/v1/orders", Ship("web", (sku, 2)), Guid.NewGuid().ToString())).Json(HttpStatusCode.Created);

        Assert.Equal("accepted", order.GetProperty("status").GetString());
        Assert.Equal("web", order.GetProperty("channel").GetString());
        Assert.StartsWith("OM", order.GetProperty("number").GetString());
        var line = order.GetProperty("lines")[0];
        Assert.Equal(19.99m, line.GetProperty("unitPrice").GetProperty("amount").GetDecimal());
        Assert.Equal(warehouse, line.GetProperty("allocations")[0].GetProperty("locationCode").GetString());
        Assert.Equal(2, line.GetProperty("allocations")[0].GetProperty("quantity").GetInt32());
        Assert.Equal(39.98m, order.GetProperty("total").GetProperty("amount").GetDecimal());
        Assert.Equal("EUR", order.GetProperty("total").GetProperty("currency").GetString());

        var position = await ApiSeed.Position(_api, warehouse, sku);
        Assert.Equal(2, position.GetProperty("reserved").GetInt32());
        Assert.Equal(8, position.GetProperty("available").GetInt32());

        var fetched = await (await _api.GetAsync($"/api/v1/orders/{order.GetProperty("id").GetGuid()}")).Json(HttpStatusCode.OK);
        Assert.Equal(order.GetProperty("number").GetString(), fetched.GetProperty("number").GetString());
    }

    [Fact]
    public async Task A_ship_line_goes_whole_where_it_costs_least_else_it_is_split()
    {
        // Default rules: a warehouse parcel 400 km away costs less than a store's (store labor picks dearer).
        var nearLyon = await ApiSeed.Location(_api, "NEAR", "store", 45.76, 4.83, ["ship", "pickup"]);
        var paris = await ApiSeed.Location(_api, "FAR", "warehouse", 48.85, 2.35, ["ship"]);
        var sku = await ApiSeed.Product(_api);
        await ApiSeed.Stock(_api, nearLyon, sku, 3);
        await ApiSeed.Stock(_api, paris, sku, 10);

        var whole = await (await _api.PostJson("/api/v1/orders", Ship("web", (sku, 2)))).Json(HttpStatusCode.Created);
        Assert.Equal(paris, whole.GetProperty("lines")[0].GetProperty("allocations")[0].GetProperty("locationCode").GetString());

        var tooManyForLyon = await (await _api.PostJson("/api/v1/orders", Ship("app", (sku, 5)))).Json(HttpStatusCode.Created);
        Assert.Equal(paris, tooManyForLyon.GetProperty("lines")[0].GetProperty("allocations")[0].GetProperty("locationCode").GetString());

        var split = await (await _api.PostJson("/api/v1/orders", Ship("app", (sku, 6)))).Json(HttpStatusCode.Created);
        var allocations = split.GetProperty("lines")[0].GetProperty("allocations").EnumerateArray()
            .ToDictionary(a => a.GetProperty("locationCode").GetString()!, a => a.GetProperty("quantity").GetInt32());
        Assert.Equal(new Dictionary<string, int> { [nearLyon] = 3, [paris] = 3 }, allocations);
    }

    [Fact]
    public async Task A_pickup_line_reserves_at_its_store()
    {
        var store = await ApiSeed.Location(_api, "STORE");
        var sku = await ApiSeed.Product(_api);
        await ApiSeed.Stock(_api, store, sku, 1);

        var order = await (await _api.PostJson("/api/v1/orders", Pickup(store, (sku, 1)))).Json(HttpStatusCode.Created);

        Assert.Equal("pickup", order.GetProperty("lines")[0].GetProperty("fulfillment").GetProperty("method").GetString());
        Assert.Equal(1, (await ApiSeed.Position(_api, store, sku)).GetProperty("reserved").GetInt32());
    }

    [Fact]
    public async Task An_order_one_line_of_which_cannot_be_served_reserves_nothing()
    {
        var warehouse = await ApiSeed.Location(_api, "WH", "warehouse", capabilities: ["ship"]);
        var plenty = await ApiSeed.Product(_api);
        var scarce = await ApiSeed.Product(_api);
        await ApiSeed.Stock(_api, warehouse, plenty, 100);
        await ApiSeed.Stock(_api, warehouse, scarce, 1);

        var problem = await (await _api.PostJson("/api/v1/orders", Ship("web", (plenty, 1), (scarce, 2)))).Problem(HttpStatusCode.Conflict, "insufficient_stock");

        Assert.Equal(new[] { scarce }, problem.GetProperty("skus").EnumerateArray().Select(s => s.GetString()!).ToArray());
        Assert.Equal(0, (await ApiSeed.Position(_api, warehouse, plenty)).GetProperty("reserved").GetInt32());
        Assert.Equal(0, (await ApiSeed.Position(_api, warehouse, scarce)).GetProperty("reserved").GetInt32());
    }

    [Fact]
    public async Task Safety_stock_is_never_promised()
    {
        var warehouse = await ApiSeed.Location(_api, "WH", "warehouse", capabilities: ["ship"]);
        var sku = await ApiSeed.Product(_api);
        await ApiSeed.Stock(_api, warehouse, sku, 5, safetyStock: 2);

        await (await _api.PostJson("/api/v1/orders", Ship("web", (sku, 4)))).Problem(HttpStatusCode.Conflict, "insufficient_stock");
        await (await _api.PostJson("/api/v1/orders", Ship("web", (sku, 3)))).Json(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_first_order_and_another_body_is_refused()
    {
        var warehouse = await ApiSeed.Location(_api, "WH", "warehouse", capabilities: ["ship"]);
        var sku = await ApiSeed.Product(_api);
        await ApiSeed.Stock(_api, warehouse, sku, 10);
        var key = Guid.NewGuid().ToString();

        var first = await (await _api.PostJson("/api/v1/orders", Ship("web", (sku, 1)), key)).Json(HttpStatusCode.Created);
        var retry = await (await _api.PostJson("/api/v1/orders", Ship("web", (sku, 1)), key)).Json(HttpStatusCode.Created);
        await (await _api.PostJson("/api/v1/orders", Ship("web", (sku, 2)), key)).Problem(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");

        Assert.Equal(first.GetProperty("id").GetGuid(), retry.GetProperty("id").GetGuid());
        Assert.Equal(1, (await ApiSeed.Position(_api, warehouse, sku)).GetProperty("reserved").GetInt32());
    }

    [Fact]
    public async Task A_retry_after_the_last_unit_went_to_the_first_attempt_still_answers_with_that_order()
    {
        var warehouse = await ApiSeed.Location(_api, "WH", "warehouse", capabilities: ["ship"]);
        var sku = await ApiSeed.Product(_api);
        await ApiSeed.Stock(_api, warehouse, sku, 1);
        var key = Guid.NewGuid().ToString();

        var first = await (await _api.PostJson("/api/v1/orders", Ship("web", (sku, 1)), key)).Json(HttpStatusCode.Created);
        var retry = await (await _api.PostJson("/api/v1/orders", Ship("web", (sku, 1)), key)).Json(HttpStatusCode.Created);

        Assert.Equal(first.GetProperty("id").GetGuid(), retry.GetProperty("id").GetGuid());
        await (await _api.PostJson("/api/v1/orders", Ship("web", (sku, 1)), Guid.NewGuid().ToString())).Problem(HttpStatusCode.Conflict, "insufficient_stock");
    }

    [Fact]
    public async Task Cancelling_releases_the_reservation_and_a_cancelled_order_cannot_be_cancelled_again()
    {
        var store = await ApiSeed.Location(_api, "STORE");
        var sku = await ApiSeed.Product(_api);
        await ApiSeed.Stock(_api, store, sku, 3);
        var order = await (await _api.PostJson("/api/v1/orders", Pickup(store, (sku, 2)))).Json(HttpStatusCode.Created);
        var id = order.GetProperty("id").GetGuid();

        var cancelled = await (await _api.PostJson($"/api/v1/orders/{id}/cancel", new { reason = "changed my mind" })).Json(HttpStatusCode.OK);
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal(0, (await ApiSeed.Position(_api, store, sku)).GetProperty("reserved").GetInt32());

        await (await _api.PostJson($"/api/v1/orders/{id}/cancel", new { })).Problem(HttpStatusCode.Conflict, "order_not_cancellable");
        Assert.Equal(0, (await ApiSeed.Position(_api, store, sku)).GetProperty("reserved").GetInt32());
    }

    [Fact]
    public async Task A_store_sale_is_recorded_even_without_stock_and_reports_the_reservations_it_uncovers()
    {
        var store = await ApiSeed.Location(_api, "STORE");
        var sku = await ApiSeed.Product(_api);
        await ApiSeed.Stock(_api, store, sku, 2);
        var online = await (await _api.PostJson("/api/v1/orders", Pickup(store, (sku, 2)))).Json(HttpStatusCode.Created);

        var sale = await (await _api.PostJson($"/api/v1/stores/{store}/sales", new
        {
            occurredAt = DateTime.UtcNow.AddMinutes(-30),
            lines = new[] { new { sku, quantity = 3, unitPrice = new { amount = 17.50m, currency = "EUR" } } },
        }, Guid.NewGuid().ToString())).Json(HttpStatusCode.Created);

        Assert.Equal("store", sale.GetProperty("channel").GetString());
        Assert.Equal("completed", sale.GetProperty("status").GetString());
        Assert.Equal(52.50m, sale.GetProperty("total").GetProperty("amount").GetDecimal());
        var position = await ApiSeed.Position(_api, store, sku);
        Assert.Equal(-1, position.GetProperty("onHand").GetInt32());
        Assert.Equal(0, position.GetProperty("available").GetInt32());

        var oversold = await omni.InScope(async services =>
        {
            var db = services.GetRequiredService<InventoryDbContext>();
            return await db.Outbox.AsNoTracking().Where(e => e.Type == "inventory.oversold").Select(e => e.Data).ToListAsync();
        });
        Assert.Contains(oversold, data => data.Contains(sku, StringComparison.Ordinal) && data.Contains(online.GetProperty("id").GetGuid().ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Orders_are_listed_newest_first_and_filtered_by_channel()
    {
        var warehouse = await ApiSeed.Location(_api, "WH", "warehouse", capabilities: ["ship"]);
        var sku = await ApiSeed.Product(_api);
        await ApiSeed.Stock(_api, warehouse, sku, 10);
        var web = await (await _api.PostJson("/api/v1/orders", Ship("web", (sku, 1)))).Json(HttpStatusCode.Created);
        var callcenter = await (await _api.PostJson("/api/v1/orders", Ship("callcenter", (sku, 1)))).Json(HttpStatusCode.Created);

        var page = await (await _api.GetAsync($"/api/v1/orders?channel=callcenter&sku={sku}")).Json(HttpStatusCode.OK);
        var ids = page.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()).ToList();
        Assert.Equal([callcenter.GetProperty("id").GetGuid()], ids);

        var all = await (await _api.GetAsync($"/api/v1/orders?sku={sku}&limit=1")).Json(HttpStatusCode.OK);
        Assert.Equal(callcenter.GetProperty("id").GetGuid(), all.GetProperty("items")[0].GetProperty("id").GetGuid());
        var next = all.GetProperty("next").GetString();
        var second = await (await _api.GetAsync($"/api/v1/orders?sku={sku}&limit=1&after={next}")).Json(HttpStatusCode.OK);
        Assert.Equal(web.GetProperty("id").GetGuid(), second.GetProperty("items")[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task An_unknown_order_is_a_404_problem()
    {
        await (await _api.GetAsync($"/api/v1/orders/{Guid.NewGuid()}")).Problem(HttpStatusCode.NotFound, "not_found");
        await (await _api.PostJson($"/api/v1/orders/{Guid.NewGuid()}/cancel", new { })).Problem(HttpStatusCode.NotFound, "not_found");
    }
}

public sealed class OrderTests_Sqlite(SqliteOmni omni) : OrderTests(omni), IClassFixture<SqliteOmni>;

public sealed class OrderTests_Postgres(PostgresOmni omni) : OrderTests(omni), IClassFixture<PostgresOmni>;
