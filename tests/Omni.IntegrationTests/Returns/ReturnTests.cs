using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omni.IntegrationTests.Infrastructure;
using Omni.IntegrationTests.Integration;
using Omni.Inventory.Data;
using static Omni.IntegrationTests.Returns.ReturnSeed;

namespace Omni.IntegrationTests.Returns;

public abstract class ReturnTests(OmniFactory omni)
{
    private readonly HttpClient _api = omni.Admin();

    [Fact]
    public async Task A_web_order_is_returned_in_a_store_that_never_stocked_the_item_and_the_unit_is_for_sale_there()
    {
        var sku = await Product(_api, "apparel/tops", 19.99m);
        var (orderId, _) = await WebOrder(_api, sku, 2);
        var store = await ApiSeed.Location(_api, "LYON", capabilities: ["pickup", "returns"]);

        var received = await Accepted(_api, Return(orderId, store, (sku, 1, "sellable")));

        Assert.Equal(orderId, received.GetProperty("orderId").GetGuid());
        Assert.Equal(store, received.GetProperty("locationCode").GetString());
        var line = received.GetProperty("lines")[0];
        Assert.Equal("restock", line.GetProperty("disposition").GetString());
        Assert.Equal(19.99m, line.GetProperty("refund").Amount());
        Assert.Equal(19.99m, received.GetProperty("refund").GetProperty("amount").Amount());
        Assert.Equal("originalTender", received.GetProperty("refund").GetProperty("to").GetString());

        var position = await ApiSeed.Position(_api, store, sku);
        Assert.Equal(1, position.GetProperty("onHand").GetInt32());
        Assert.Equal(1, position.GetProperty("available").GetInt32());
        Assert.Equal(0, position.GetProperty("unsellable").GetInt32());
        var movement = (await (await _api.GetAsync($"/api/v1/inventory/{store}/{sku}/movements")).Json(HttpStatusCode.OK)).GetProperty("items")[0];
        Assert.Equal("return", movement.GetProperty("reason").GetString());
        Assert.Equal("onHand", movement.GetProperty("bucket").GetString());

        var availability = await (await _api.GetAsync($"/api/v1/availability?skus={sku}&location={store}")).Json(HttpStatusCode.OK);
        Assert.Equal(1, availability.GetProperty("items")[0].GetProperty("available").GetInt32());

        var id = received.GetProperty("id").GetGuid();
        var fetched = await (await _api.GetAsync($"/api/v1/returns/{id}")).Json(HttpStatusCode.OK);
        Assert.Equal(19.99m, fetched.GetProperty("returnedValue").Amount());
        var listed = await (await _api.GetAsync($"/api/v1/returns?orderId={orderId}")).Json(HttpStatusCode.OK);
        Assert.Equal([id], listed.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));

        await Feed.WaitForOne(_api, "return.received", e => e.GetProperty("data").GetProperty("returnId").GetGuid() == id);
    }

    [Fact]
    public async Task Damaged_goods_are_kept_apart_as_unsellable_and_never_available()
    {
        var sku = await Product(_api, "home/kitchen", 30m);
        var store = await ApiSeed.Location(_api, "STORE");
        await ApiSeed.Stock(_api, store, sku, 5);
        var sale = await TillSale(_api, store, sku, 3, 30m);

        var received = await Accepted(_api, Return(sale, store, (sku, 1, "damaged"), (sku, 1, "sellable")));

        Assert.Equal(["unsellable", "restock"], received.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("disposition").GetString()));
        Assert.Equal(60m, received.GetProperty("refund").GetProperty("amount").Amount());
        var position = await ApiSeed.Position(_api, store, sku);
        Assert.Equal(3, position.GetProperty("onHand").GetInt32());
        Assert.Equal(1, position.GetProperty("unsellable").GetInt32());
        Assert.Equal(3, position.GetProperty("available").GetInt32());

        // The ledger still adds up, per quantity: on hand from on-hand movements, unsellable from unsellable ones.
        var (onHand, unsellable) = await omni.InScope(async services =>
        {
            var movements = await services.GetRequiredService<InventoryDbContext>().Movements.AsNoTracking()
                .Where(m => m.LocationCode == store && m.Sku == sku).ToListAsync();
            return (movements.Where(m => !m.Unsellable).Sum(m => m.Delta), movements.Where(m => m.Unsellable).Sum(m => m.Delta));
        });
        Assert.Equal((3, 1), (onHand, unsellable));

        // Writing the damaged unit off takes it out of the unsellable quantity, not out of what is for sale.
        await (await _api.PostJson("/api/v1/inventory/movements", new { locationCode = store, sku, delta = -1, reason = "damage", reference = "RTV", bucket = "unsellable" }))
            .Json(HttpStatusCode.Created);
        position = await ApiSeed.Position(_api, store, sku);
        Assert.Equal((3, 0), (position.GetProperty("onHand").GetInt32(), position.GetProperty("unsellable").GetInt32()));
    }

    [Fact]
    public async Task A_till_sale_refunds_the_price_paid_at_the_till_not_the_catalog_price()
    {
        var sku = await Product(_api, "home/decor", 20m);
        var store = await ApiSeed.Location(_api, "STORE");
        var sale = await TillSale(_api, store, sku, 3, 7.33m);

        var first = await Accepted(_api, Return(sale, store, (sku, 2, "sellable")));
        var second = await Accepted(_api, Return(sale, store, (sku, 1, "opened")));

        Assert.Equal(14.66m, first.GetProperty("refund").GetProperty("amount").Amount());
        Assert.Equal(7.33m, second.GetProperty("refund").GetProperty("amount").Amount());
    }

    [Fact]
    public async Task Returning_more_than_was_bought_is_refused_and_changes_nothing()
    {
        var sku = await Product(_api, "toys", 10m);
        var (orderId, _) = await WebOrder(_api, sku, 2);
        var store = await ApiSeed.Location(_api, "STORE");

        await Accepted(_api, Return(orderId, store, (sku, 1, "sellable")));
        var problem = await (await _api.PostJson("/api/v1/returns", Return(orderId, store, (sku, 2, "sellable")), Guid.NewGuid().ToString()))
            .Problem(HttpStatusCode.Conflict, "quantity_exceeds_purchased");
        Assert.Equal(1, problem.GetProperty("returnable").GetInt32());
        await (await _api.PostJson("/api/v1/returns", Return(orderId, store, (sku, 1, "sellable"), (sku, 1, "damaged"))))
            .Problem(HttpStatusCode.Conflict, "quantity_exceeds_purchased");
        await (await _api.PostJson("/api/v1/returns", Return(orderId, store, (sku, 3, "sellable")))).Problem(HttpStatusCode.Conflict, "quantity_exceeds_purchased");

        Assert.Equal(1, (await ApiSeed.Position(_api, store, sku)).GetProperty("onHand").GetInt32());
        await Accepted(_api, Return(orderId, store, (sku, 1, "damaged")));
        await (await _api.PostJson("/api/v1/returns", Return(orderId, store, (sku, 1, "sellable")))).Problem(HttpStatusCode.Conflict, "quantity_exceeds_purchased");
        var listed = await (await _api.GetAsync($"/api/v1/returns?orderId={orderId}")).Json(HttpStatusCode.OK);
        Assert.Equal(2, listed.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_retry_with_the_same_key_answers_the_first_return_and_moves_stock_once()
    {
        var sku = await Product(_api, "toys", 10m);
        var (orderId, _) = await WebOrder(_api, sku, 3);
        var store = await ApiSeed.Location(_api, "STORE");
        var key = Guid.NewGuid().ToString();

        var first = await Accepted(_api, Return(orderId, store, (sku, 1, "sellable")), key);
        var again = await Accepted(_api, Return(orderId, store, (sku, 1, "sellable")), key);

        Assert.Equal(first.GetProperty("id").GetGuid(), again.GetProperty("id").GetGuid());
        Assert.Equal(1, (await ApiSeed.Position(_api, store, sku)).GetProperty("onHand").GetInt32());
        await (await _api.PostJson("/api/v1/returns", Return(orderId, store, (sku, 2, "sellable")), key)).Problem((HttpStatusCode)422, "idempotency_key_reused");
    }

    [Fact]
    public async Task The_policy_refuses_closed_windows_final_sale_and_refused_conditions_the_same_for_every_channel()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (shortWindow, finalSale, hygiene) = ($"short{suffix}", $"clearance{suffix}", $"beauty{suffix}");
        await SetPolicy(new
        {
            defaultWindowDays = 30,
            categoryWindows = new[] { new { category = shortWindow, days = 0 } },
            finalSaleCategories = new[] { finalSale }, finalSaleSkus = Array.Empty<string>(),
            conditions = new[]
            {
                new { condition = "sellable", accepted = true, disposition = "restock", refusedCategories = Array.Empty<string>() },
                new { condition = "opened", accepted = true, disposition = "restock", refusedCategories = new[] { hygiene } },
                new { condition = "damaged", accepted = true, disposition = "unsellable", refusedCategories = Array.Empty<string>() },
            },
        });
        try
        {
            var store = await ApiSeed.Location(_api, "STORE");
            var expired = await Product(_api, $"{shortWindow}/x");
            var final = await Product(_api, finalSale);
            var lipstick = await Product(_api, $"{hygiene}/lips");
            var (webOrder, _) = await WebOrder(_api, expired, 1);
            var tillSale = await TillSale(_api, store, final, 1, 5m);
            var (lipstickOrder, _) = await WebOrder(_api, lipstick, 1);

            var closed = await (await _api.PostJson("/api/v1/returns", Return(webOrder, store, (expired, 1, "sellable")))).Problem(HttpStatusCode.Conflict, "return_window_closed");
            Assert.Equal(expired, closed.GetProperty("sku").GetString());
            await (await _api.PostJson("/api/v1/returns", Return(tillSale, store, (final, 1, "sellable")))).Problem(HttpStatusCode.Conflict, "final_sale");
            await (await _api.PostJson("/api/v1/returns", Return(lipstickOrder, store, (lipstick, 1, "opened")))).Problem(HttpStatusCode.Conflict, "condition_not_accepted");
            await Accepted(_api, Return(lipstickOrder, store, (lipstick, 1, "sellable")));
            Assert.Equal(0, (await ApiSeed.Position(_api, store, expired)).GetProperty("onHand").GetInt32());
        }
        finally
        {
            await SetPolicy(DefaultPolicy);
        }
    }

    [Fact]
    public async Task The_policy_is_read_and_replaced_as_data()
    {
        var policy = await (await _api.GetAsync("/api/v1/returns/policy")).Json(HttpStatusCode.OK);
        Assert.Equal(30, policy.GetProperty("defaultWindowDays").GetInt32());
        Assert.Equal(3, policy.GetProperty("conditions").GetArrayLength());

        var invalid = await (await _api.PutJson("/api/v1/returns/policy", new
        {
            defaultWindowDays = -1,
            categoryWindows = new[] { new { category = "", days = 5 } },
            finalSaleSkus = new[] { "bad sku" },
            conditions = new[] { new { condition = "sellable", accepted = true, disposition = "restock" } },
        })).Problem(HttpStatusCode.BadRequest, "validation_failed");
        var errors = invalid.GetProperty("errors");
        foreach (var field in new[] { "defaultWindowDays", "categoryWindows[0].category", "finalSaleSkus[0]" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        await (await _api.PutJson("/api/v1/returns/policy", new { defaultWindowDays = 10, conditions = new[] { new { condition = "sellable", accepted = true, disposition = "restock" } } }))
            .Problem(HttpStatusCode.BadRequest, "validation_failed");

        var updated = await SetPolicy(DefaultPolicy);
        Assert.False(string.IsNullOrEmpty(updated.GetProperty("updatedBy").GetString()));
        Assert.Equal(JsonValueKind.String, updated.GetProperty("updatedAt").ValueKind);
    }

    [Fact]
    public async Task An_exchange_returns_and_places_the_new_order_in_one_step_and_refunds_the_difference()
    {
        var returned = await Product(_api, "apparel/shoes", 20m);
        var replacement = await Product(_api, "apparel/shoes", 15m);
        var store = await ApiSeed.Location(_api, "STORE");
        await ApiSeed.Stock(_api, store, replacement, 2);
        await ApiSeed.Stock(_api, store, returned, 1);
        var sale = await TillSale(_api, store, returned, 1, 20m);

        var received = await Accepted(_api, new
        {
            orderId = sale, locationCode = store, lines = new[] { new { sku = returned, quantity = 1, condition = "opened" } },
            exchange = new { lines = new[] { new { sku = replacement, quantity = 1, fulfillment = new { method = "carryOut", locationCode = store } } } },
        });

        Assert.Equal(20m, received.GetProperty("returnedValue").Amount());
        Assert.Equal(5m, received.GetProperty("refund").GetProperty("amount").Amount());
        var exchange = received.GetProperty("exchange");
        Assert.Equal(15m, exchange.GetProperty("total").Amount());
        Assert.Equal(0m, exchange.GetProperty("balanceDue").Amount());
        var order = await (await _api.GetAsync($"/api/v1/orders/{exchange.GetProperty("orderId").GetGuid()}")).Json(HttpStatusCode.OK);
        Assert.Equal("store", order.GetProperty("channel").GetString());
        Assert.Equal(replacement, order.GetProperty("lines")[0].GetProperty("sku").GetString());
        Assert.Equal(1, (await ApiSeed.Position(_api, store, replacement)).GetProperty("reserved").GetInt32());
        Assert.Equal(1, (await ApiSeed.Position(_api, store, returned)).GetProperty("onHand").GetInt32());
    }

    [Fact]
    public async Task An_exchange_that_costs_more_owes_the_balance_and_refunds_nothing()
    {
        var returned = await Product(_api, "apparel/shoes", 20m);
        var replacement = await Product(_api, "apparel/shoes", 25m);
        var store = await ApiSeed.Location(_api, "STORE");
        await ApiSeed.Stock(_api, store, replacement, 1);
        var sale = await TillSale(_api, store, returned, 1, 20m);

        var received = await Accepted(_api, new
        {
            orderId = sale, locationCode = store, lines = new[] { new { sku = returned, quantity = 1, condition = "sellable" } },
            exchange = new { lines = new[] { new { sku = replacement, quantity = 1, fulfillment = new { method = "carryOut", locationCode = store } } } },
        });

        Assert.Equal(0m, received.GetProperty("refund").GetProperty("amount").Amount());
        Assert.Equal("refunded", received.GetProperty("refund").GetProperty("status").GetString());
        Assert.Equal(5m, received.GetProperty("exchange").GetProperty("balanceDue").Amount());
    }

    [Fact]
    public async Task An_exchange_that_cannot_be_served_refuses_the_whole_return()
    {
        var returned = await Product(_api, "apparel/shoes", 20m);
        var replacement = await Product(_api, "apparel/shoes", 15m);
        var store = await ApiSeed.Location(_api, "STORE");
        await ApiSeed.Stock(_api, store, returned, 1);
        var sale = await TillSale(_api, store, returned, 1, 20m);
        object Body(string? sku) => new
        {
            orderId = sale, locationCode = store, lines = new[] { new { sku = returned, quantity = 1, condition = "sellable" } },
            exchange = new { lines = new[] { new { sku, quantity = 1, fulfillment = new { method = "carryOut", locationCode = store } } } },
        };

        var problem = await (await _api.PostJson("/api/v1/returns", Body(replacement))).Problem(HttpStatusCode.Conflict, "insufficient_stock");
        Assert.Equal([replacement], problem.GetProperty("skus").EnumerateArray().Select(s => s.GetString()));
        var invalid = await (await _api.PostJson("/api/v1/returns", Body(null))).Problem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(invalid.GetProperty("errors").TryGetProperty("exchange.lines[0].sku", out _), invalid.ToString());

        Assert.Equal(0, (await ApiSeed.Position(_api, store, returned)).GetProperty("onHand").GetInt32());
        Assert.Equal(0, (await (await _api.GetAsync($"/api/v1/returns?orderId={sale}")).Json(HttpStatusCode.OK)).GetProperty("items").GetArrayLength());
        await Accepted(_api, Return(sale, store, (returned, 1, "sellable")));
    }

    [Fact]
    public async Task Bad_input_gets_problem_details_and_changes_nothing()
    {
        var sku = await Product(_api, "toys", 10m);
        var other = await Product(_api, "toys", 10m);
        var (orderId, _) = await WebOrder(_api, sku, 1);
        var store = await ApiSeed.Location(_api, "STORE");
        var noReturns = await ApiSeed.Location(_api, "NORET", capabilities: ["pickup"]);
        Task<HttpResponseMessage> Post(object body) => _api.PostJson("/api/v1/returns", body);

        var empty = await (await Post(new { })).Problem(HttpStatusCode.BadRequest, "validation_failed");
        foreach (var field in new[] { "orderId", "locationCode", "lines" }) Assert.True(empty.GetProperty("errors").TryGetProperty(field, out _), field);
        var lines = await (await Post(new { orderId, locationCode = store, lines = new[] { new { sku = "bad sku", quantity = 0, condition = (string?)null } } }))
            .Problem(HttpStatusCode.BadRequest, "validation_failed");
        foreach (var field in new[] { "lines[0].sku", "lines[0].quantity", "lines[0].condition" }) Assert.True(lines.GetProperty("errors").TryGetProperty(field, out _), field);
        await (await _api.SendRaw(HttpMethod.Post, "/api/v1/returns", $$"""{"orderId": "{{orderId}}", "locationCode": "{{store}}", "lines": [{"sku": "{{sku}}", "quantity": 1, "condition": "broken"}]}"""))
            .Problem(HttpStatusCode.BadRequest, "malformed_request");
        await (await _api.SendRaw(HttpMethod.Post, "/api/v1/returns", "{")).Problem(HttpStatusCode.BadRequest, "malformed_request");
        await (await Post(Return(orderId, "NOWHERE-1", (sku, 1, "sellable")))).Problem(HttpStatusCode.BadRequest, "validation_failed");
        await (await Post(Return(orderId, noReturns, (sku, 1, "sellable")))).Problem(HttpStatusCode.BadRequest, "validation_failed");
        await (await Post(Return(orderId, store, (other, 1, "sellable")))).Problem(HttpStatusCode.BadRequest, "validation_failed");
        await (await Post(Return(Guid.NewGuid(), store, (sku, 1, "sellable")))).Problem(HttpStatusCode.NotFound, "not_found");
        await (await _api.PostJson("/api/v1/returns", Return(orderId, store, (sku, 1, "sellable")), new string('k', 201))).Problem(HttpStatusCode.BadRequest, "validation_failed");
        await (await _api.GetAsync($"/api/v1/returns/{Guid.NewGuid()}")).Problem(HttpStatusCode.NotFound, "not_found");
        await (await _api.GetAsync("/api/v1/returns?limit=0")).Problem(HttpStatusCode.BadRequest, "validation_failed");
        await (await _api.GetAsync("/api/v1/returns?after=x")).Problem(HttpStatusCode.BadRequest, "validation_failed");

        await (await _api.PostJson($"/api/v1/orders/{orderId}/cancel", new { })).Json(HttpStatusCode.OK);
        await (await Post(Return(orderId, store, (sku, 1, "sellable")))).Problem(HttpStatusCode.Conflict, "order_not_returnable");

        Assert.Equal(0, (await ApiSeed.Position(_api, store, sku)).GetProperty("onHand").GetInt32());
        Assert.Equal(0, (await (await _api.GetAsync($"/api/v1/returns?orderId={orderId}")).Json(HttpStatusCode.OK)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_store_bound_key_takes_returns_only_at_its_own_store_and_only_admins_change_the_policy()
    {
        var sku = await Product(_api, "toys", 10m);
        var (orderId, _) = await WebOrder(_api, sku, 2);
        var store = await ApiSeed.Location(_api, "STORE");
        var elsewhere = await ApiSeed.Location(_api, "ELSEWHERE");
        var created = await (await _api.PostJson("/api/v1/api-keys", new { name = OmniFactory.Unique("till"), scopes = new[] { "orders" }, storeCode = store }))
            .Json(HttpStatusCode.Created);
        var till = omni.ClientWithKey(created.GetProperty("key").GetString());

        await Accepted(till, Return(orderId, store, (sku, 1, "sellable")));
        await (await till.PostJson("/api/v1/returns", Return(orderId, elsewhere, (sku, 1, "sellable")))).Problem(HttpStatusCode.Forbidden, "forbidden");
        await (await till.PutJson("/api/v1/returns/policy", DefaultPolicy)).Problem(HttpStatusCode.Forbidden, "forbidden");
    }

    private static readonly object DefaultPolicy = new
    {
        defaultWindowDays = 30,
        conditions = new[]
        {
            new { condition = "sellable", accepted = true, disposition = "restock" },
            new { condition = "opened", accepted = true, disposition = "restock" },
            new { condition = "damaged", accepted = true, disposition = "unsellable" },
        },
    };

    private async Task<JsonElement> SetPolicy(object policy) =>
        await (await _api.PutJson("/api/v1/returns/policy", policy)).Json(HttpStatusCode.OK);
}

public sealed class ReturnTests_Sqlite(SqliteOmni omni) : ReturnTests(omni), IClassFixture<SqliteOmni>;

public sealed class ReturnTests_Postgres(PostgresOmni omni) : ReturnTests(omni), IClassFixture<PostgresOmni>;
