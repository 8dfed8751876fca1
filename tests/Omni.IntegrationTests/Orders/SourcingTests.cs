using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omni.IntegrationTests.Infrastructure;
using Omni.Orders.Data;
using static Omni.IntegrationTests.Orders.OrderRequests;

namespace Omni.IntegrationTests.Orders;

/// <summary>Sourcing through the API: rules as versioned data, the stored explanation, simulation and the promise.</summary>
public abstract class SourcingTests(OmniFactory omni)
{
    private readonly HttpClient _api = omni.Admin();

    [Fact]
    public async Task An_order_keeps_the_explanation_of_where_its_lines_went_written_with_it()
    {
        var (near, far, sku) = await TwoWarehouses(stockNear: 5, stockFar: 5);
        var version = (await Rules()).GetProperty("version").GetInt32();

        var order = await (await _api.PostJson("/api/v1/orders", Ship("web", (sku, 2)))).Json(HttpStatusCode.Created);
        var id = order.GetProperty("id").GetGuid();
        var sourcing = await (await _api.GetAsync($"/api/v1/orders/{id}/sourcing")).Json(HttpStatusCode.OK);

        var explanation = sourcing.GetProperty("explanation");
        Assert.Equal(version, explanation.GetProperty("ruleSetVersion").GetInt32());
        Assert.True(explanation.GetProperty("exact").GetBoolean());
        var candidates = explanation.GetProperty("lines")[0].GetProperty("candidates").EnumerateArray().ToDictionary(c => c.GetProperty("locationCode").GetString()!);
        Assert.Equal("chosen", candidates[near].GetProperty("verdict").GetString());
        Assert.Equal(2, candidates[near].GetProperty("quantity").GetInt32());
        Assert.Equal("costlier", candidates[far].GetProperty("verdict").GetString());
        Assert.True(candidates[far].GetProperty("shipmentCost").GetDouble() > candidates[near].GetProperty("shipmentCost").GetDouble());
        var cost = explanation.GetProperty("cost");
        Assert.Equal(explanation.GetProperty("costTotal").GetDouble(),
            cost.GetProperty("shipping").GetDouble() + cost.GetProperty("splits").GetDouble() + cost.GetProperty("picking").GetDouble() + cost.GetProperty("lowCover").GetDouble(), 3);
        Assert.Equal(near, order.GetProperty("lines")[0].GetProperty("allocations")[0].GetProperty("locationCode").GetString());

        var stored = await omni.InScope(s => s.GetRequiredService<OrdersDbContext>().SourcingDecisions.AnyAsync(d => d.OrderId == id));
        Assert.True(stored);
    }

    [Fact]
    public async Task A_till_sale_or_an_unknown_order_has_no_sourcing_to_show()
    {
        var store = await ApiSeed.Location(_api, "TILL");
        var sku = await ApiSeed.Product(_api);
        var sale = await (await _api.PostJson($"/api/v1/stores/{store}/sales", new { lines = new[] { new { sku, quantity = 1, unitPrice = new { amount = 19.99m, currency = "EUR" } } } }, Guid.NewGuid().ToString()))
            .Json(HttpStatusCode.Created);

        await (await _api.GetAsync($"/api/v1/orders/{sale.GetProperty("id").GetGuid()}/sourcing")).Problem(HttpStatusCode.NotFound, "not_sourced");
        await (await _api.GetAsync($"/api/v1/orders/{Guid.NewGuid()}/sourcing")).Problem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Each_edit_of_the_rules_is_a_new_version_and_earlier_versions_stay_readable()
    {
        var before = await Rules();
        var rules = RulesBody(before, r => r["splitPenalty"] = 7.5);

        var saved = await (await _api.PutJson("/api/v1/sourcing/rules", rules)).Json(HttpStatusCode.OK);
        var again = await (await _api.PutJson("/api/v1/sourcing/rules", RulesBody(saved, r => r["maxSplits"] = 1))).Json(HttpStatusCode.OK);

        var version = saved.GetProperty("version").GetInt32();
        Assert.Equal(before.GetProperty("version").GetInt32() + 1, version);
        Assert.Equal(version + 1, again.GetProperty("version").GetInt32());
        Assert.Equal(7.5, saved.GetProperty("rules").GetProperty("splitPenalty").GetDouble());
        Assert.Equal(1, (await Rules()).GetProperty("rules").GetProperty("maxSplits").GetInt32());
        var old = await (await _api.GetAsync($"/api/v1/sourcing/rules?version={version}")).Json(HttpStatusCode.OK);
        Assert.Equal(7.5, old.GetProperty("rules").GetProperty("splitPenalty").GetDouble());
        Assert.NotEqual(1, old.GetProperty("rules").GetProperty("maxSplits").GetInt32());
        var versions = await (await _api.GetAsync("/api/v1/sourcing/rules/versions")).Json(HttpStatusCode.OK);
        Assert.Equal([version + 1, version], versions.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()).Take(2));
        await (await _api.GetAsync("/api/v1/sourcing/rules?version=9999")).Problem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Bad_rules_are_refused_field_by_field_and_change_nothing()
    {
        var before = await Rules();
        var bad = RulesBody(before, r =>
        {
            r["maxSplits"] = -1;
            r["promise"]!["shipCutoff"] = "25:99";
            r["eligibility"] = new JsonArray(new JsonObject { ["methods"] = new JsonArray("pickup") });
            r["shipmentCost"] = null;
        });

        var problem = await (await _api.PutJson("/api/v1/sourcing/rules", bad)).Problem(HttpStatusCode.BadRequest, "validation_failed");
        var fields = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Contains("maxSplits", fields);
        Assert.Contains("promise.shipCutoff", fields);
        Assert.Contains("eligibility[0].methods", fields);
        Assert.Contains("shipmentCost", fields);
        await (await _api.SendRaw(HttpMethod.Put, "/api/v1/sourcing/rules", "{\"maxSplits\": ")).Problem(HttpStatusCode.BadRequest, "malformed_request");
        Assert.Equal(before.GetProperty("version").GetInt32(), (await Rules()).GetProperty("version").GetInt32());

        var reader = omni.ClientWithKey(await NewKey(["read"]));
        var forbidden = await reader.PutJson("/api/v1/sourcing/rules", RulesBody(before, _ => { }));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/sourcing/rules")).StatusCode);
    }

    [Fact]
    public async Task The_rules_steer_placement_buffer_eligibility_and_capacity()
    {
        var store = await ApiSeed.Location(_api, "BUF", "store", 45.76, 4.83, ["ship", "pickup"]);
        var sku = await ApiSeed.Product(_api);
        await ApiSeed.Stock(_api, store, sku, 3);
        var before = await Rules();

        await Save(RulesBody(before, r => r["storeBufferUnits"] = 2));
        await (await _api.PostJson("/api/v1/orders", Ship("web", (sku, 2)))).Problem(HttpStatusCode.Conflict, "insufficient_stock");
        await (await _api.PostJson("/api/v1/orders", Ship("web", (sku, 1)))).Json(HttpStatusCode.Created);

        var (near, far, other) = await TwoWarehouses(stockNear: 5, stockFar: 5);
        await Save(RulesBody(before, r => r["excludedLocations"] = new JsonArray(near)));
        var excluded = await (await _api.PostJson("/api/v1/orders", Ship("web", (other, 1)))).Json(HttpStatusCode.Created);
        Assert.Equal(far, excluded.GetProperty("lines")[0].GetProperty("allocations")[0].GetProperty("locationCode").GetString());
        var why = await (await _api.GetAsync($"/api/v1/orders/{excluded.GetProperty("id").GetGuid()}/sourcing")).Json(HttpStatusCode.OK);
        Assert.Equal("notAllowed", Candidate(why, near).GetProperty("verdict").GetString());

        await Save(RulesBody(before, _ => { }));
        var small = await Warehouse("CAP", 45.70, 4.90, capacity: 1);
        var item = await ApiSeed.Product(_api);
        await ApiSeed.Stock(_api, small, item, 5);
        await ApiSeed.Stock(_api, far, item, 5);
        var first = await (await _api.PostJson("/api/v1/orders", Ship("web", (item, 1)))).Json(HttpStatusCode.Created);
        var second = await (await _api.PostJson("/api/v1/orders", Ship("web", (item, 1)))).Json(HttpStatusCode.Created);
        Assert.Equal(small, first.GetProperty("lines")[0].GetProperty("allocations")[0].GetProperty("locationCode").GetString());
        Assert.Equal(far, second.GetProperty("lines")[0].GetProperty("allocations")[0].GetProperty("locationCode").GetString());
        var full = await (await _api.GetAsync($"/api/v1/orders/{second.GetProperty("id").GetGuid()}/sourcing")).Json(HttpStatusCode.OK);
        Assert.Equal("capacity", Candidate(full, small).GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task Simulating_replays_orders_under_proposed_rules_without_touching_stock()
    {
        await Save(RulesBody(await Rules(), _ => { }));
        var (near, far, sku) = await TwoWarehouses(stockNear: 10, stockFar: 10);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
            ids.Add((await (await _api.PostJson("/api/v1/orders", Ship("web", (sku, 2)))).Json(HttpStatusCode.Created)).GetProperty("id").GetGuid());
        var positionBefore = await ApiSeed.Position(_api, near, sku);
        var proposed = RulesBody(await Rules(), r => r["excludedLocations"] = new JsonArray(near));

        var report = await (await _api.PostJson("/api/v1/sourcing/simulate", new { orderIds = ids, rules = proposed })).Json(HttpStatusCode.OK);

        Assert.Equal(3, report.GetProperty("ordersReplayed").GetInt32());
        var live = report.GetProperty("live");
        var trial = report.GetProperty("proposed");
        Assert.Equal(3, live.GetProperty("orders").GetInt32());
        Assert.Equal(3, trial.GetProperty("orders").GetInt32());
        Assert.True(trial.GetProperty("distanceKm").GetDouble() > live.GetProperty("distanceKm").GetDouble());
        Assert.True(trial.GetProperty("cost").GetDouble() > live.GetProperty("cost").GetDouble());
        Assert.True(report.GetProperty("costChange").GetDouble() > 0);
        Assert.Equal(positionBefore.GetProperty("reserved").GetInt32(), (await ApiSeed.Position(_api, near, sku)).GetProperty("reserved").GetInt32());
        Assert.Equal(0, (await ApiSeed.Position(_api, far, sku)).GetProperty("reserved").GetInt32());

        var byDates = await (await _api.PostJson("/api/v1/sourcing/simulate",
            new { from = DateTime.UtcNow.AddHours(-1), to = DateTime.UtcNow.AddHours(1), rules = proposed })).Json(HttpStatusCode.OK);
        Assert.True(byDates.GetProperty("ordersReplayed").GetInt32() >= 3);
    }

    [Fact]
    public async Task Simulating_with_bad_input_is_a_400_problem()
    {
        var rules = RulesBody(await Rules(), _ => { });
        async Task<List<string>> Fields(object body) =>
            [.. (await (await _api.PostJson("/api/v1/sourcing/simulate", body)).Problem(HttpStatusCode.BadRequest, "validation_failed"))
                .GetProperty("errors").EnumerateObject().Select(e => e.Name)];

        Assert.Contains("orderIds", await Fields(new { rules }));
        Assert.Contains("to", await Fields(new { from = DateTime.UtcNow, to = DateTime.UtcNow.AddDays(-1), rules }));
        Assert.Contains("rules", await Fields(new { orderIds = new[] { Guid.NewGuid() } }));
        Assert.Contains("rules.maxSplits", await Fields(new { orderIds = new[] { Guid.NewGuid() }, rules = RulesBody(await Rules(), r => r["maxSplits"] = 99) }));
        var reader = omni.ClientWithKey(await NewKey(["read"]));
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostJson("/api/v1/sourcing/simulate", new { orderIds = new[] { Guid.NewGuid() }, rules })).StatusCode);
    }

    [Fact]
    public async Task The_promise_gives_a_delivery_date_and_pickup_times_at_nearby_stores()
    {
        await Save(RulesBody(await Rules(), _ => { }));
        var (_, _, sku) = await TwoWarehouses(stockNear: 5, stockFar: 5);
        var withStock = await Store("HAVE", 45.761, 4.831);
        var without = await Store("LACK", 45.762, 4.832);
        await ApiSeed.Stock(_api, withStock, sku, 4);

        var promise = await (await _api.GetAsync($"/api/v1/promise?skus={sku}&lat=45.76&lon=4.83")).Json(HttpStatusCode.OK);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var delivery = DateOnly.Parse(promise.GetProperty("delivery").GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(delivery, today.AddDays(1), today.AddDays(4));
        var pickup = promise.GetProperty("pickup").EnumerateArray().ToDictionary(p => p.GetProperty("locationCode").GetString()!);
        Assert.Equal("store", pickup[withStock].GetProperty("source").GetString());
        Assert.Equal("shipToStore", pickup[without].GetProperty("source").GetString());
        var readyHere = pickup[withStock].GetProperty("readyAt").GetDateTime();
        var readyThere = pickup[without].GetProperty("readyAt").GetDateTime();
        Assert.True(readyHere >= DateTime.UtcNow.AddMinutes(119));
        Assert.True(readyThere > readyHere);

        var unknown = await (await _api.GetAsync($"/api/v1/promise?skus=NOPE-{Guid.NewGuid():N}&lat=45.76&lon=4.83")).Json(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, unknown.GetProperty("delivery").GetProperty("date").ValueKind);
    }

    [Fact]
    public async Task A_promise_without_skus_or_a_valid_point_is_a_400_problem()
    {
        async Task<List<string>> Fields(string query) =>
            [.. (await (await _api.GetAsync($"/api/v1/promise{query}")).Problem(HttpStatusCode.BadRequest, "validation_failed"))
                .GetProperty("errors").EnumerateObject().Select(e => e.Name)];

        Assert.Equal(["lat", "lon", "skus"], (await Fields("")).Order(StringComparer.Ordinal));
        Assert.Equal(["lat"], await Fields("?skus=A&lat=123&lon=4.8"));
        Assert.Equal(["skus"], await Fields("?skus=bad%20sku&lat=45&lon=4.8"));
    }

    private static JsonElement Candidate(JsonElement sourcing, string location) =>
        sourcing.GetProperty("explanation").GetProperty("lines")[0].GetProperty("candidates").EnumerateArray()
            .Single(c => c.GetProperty("locationCode").GetString() == location);

    /// <summary>Two warehouses near and far from Lyon (the customer), with stock of a new SKU.</summary>
    private async Task<(string Near, string Far, string Sku)> TwoWarehouses(int stockNear, int stockFar)
    {
        var near = await ApiSeed.Location(_api, "WHNEAR", "warehouse", 45.70, 4.95, ["ship"]);
        var far = await ApiSeed.Location(_api, "WHFAR", "warehouse", 48.85, 2.35, ["ship"]);
        var sku = await ApiSeed.Product(_api);
        await ApiSeed.Stock(_api, near, sku, stockNear);
        await ApiSeed.Stock(_api, far, sku, stockFar);
        return (near, far, sku);
    }

    private Task<string> Warehouse(string prefix, double lat, double lon, int capacity) => Create(prefix, "warehouse", lat, lon, ["ship"], capacity, null);

    private Task<string> Store(string prefix, double lat, double lon) =>
        Create(prefix, "store", lat, lon, ["pickup", "shipToStore"], 100,
            Enum.GetNames<DayOfWeek>().Select(d => new { day = d.ToLowerInvariant(), open = "08:00", close = "20:00" }).ToArray());

    private async Task<string> Create(string prefix, string type, double lat, double lon, string[] capabilities, int capacity, object? openingHours)
    {
        var code = OmniFactory.Unique(prefix);
        await (await _api.PostJson("/api/v1/locations", new
        {
            code, name = code, type, address = new { line1 = "1 Rue", city = "Lyon", postalCode = "69001", country = "FR" },
            latitude = lat, longitude = lon, timeZone = "Europe/Paris", capabilities, dailyOrderCapacity = capacity, openingHours,
        })).Json(HttpStatusCode.Created);
        return code;
    }

    private async Task<JsonElement> Rules() => await (await _api.GetAsync("/api/v1/sourcing/rules")).Json(HttpStatusCode.OK);

    private async Task Save(JsonObject rules) => await (await _api.PutJson("/api/v1/sourcing/rules", rules)).Json(HttpStatusCode.OK);

    /// <summary>The rules of a GET answer, as a body to PUT, changed by <paramref name="change"/>.</summary>
    private static JsonObject RulesBody(JsonElement details, Action<JsonObject> change)
    {
        var rules = JsonNode.Parse(details.GetProperty("rules").GetRawText())!.AsObject();
        // Start from the defaults for what other tests may have changed.
        rules["storeBufferUnits"] = 0;
        rules["excludedLocations"] = new JsonArray();
        change(rules);
        return rules;
    }

    private async Task<string> NewKey(string[] scopes)
    {
        var created = await (await _api.PostJson("/api/v1/api-keys", new { name = OmniFactory.Unique("key"), scopes })).Json(HttpStatusCode.Created);
        return created.GetProperty("key").GetString()!;
    }
}

public sealed class SourcingTests_Sqlite(SqliteOmni omni) : SourcingTests(omni), IClassFixture<SqliteOmni>;

public sealed class SourcingTests_Postgres(PostgresOmni omni) : SourcingTests(omni), IClassFixture<PostgresOmni>;
