using System.Net;
using System.Text.Json;
using Omni.IntegrationTests.Infrastructure;

namespace Omni.IntegrationTests.Inventory;

public abstract class InventoryTests(OmniFactory omni)
{
    private readonly HttpClient _api = omni.Admin();

    [Fact]
    public async Task A_count_sets_on_hand_and_records_the_difference_as_a_count_movement()
    {
        var store = await ApiSeed.Location(_api, "STORE");
        var sku = await ApiSeed.Product(_api);

        await ApiSeed.Stock(_api, store, sku, 40, safetyStock: 2);
        var position = await (await _api.PutJson($"/api/v1/inventory/{store}/{sku}", new { onHand = 35, reference = "CYCLE-7" })).Json(HttpStatusCode.OK);

        Assert.Equal(35, position.GetProperty("onHand").GetInt32());
        Assert.Equal(2, position.GetProperty("safetyStock").GetInt32());
        Assert.Equal(33, position.GetProperty("available").GetInt32());
        var ledger = await Ledger(store, sku);
        Assert.Equal([(-5, "count", 35), (40, "count", 40)], ledger.Select(m => (m.Delta, m.Reason, m.OnHandAfter)).ToList());
        Assert.Equal("CYCLE-7", ledger[0].Reference);
    }

    [Theory]
    [InlineData("receipt", 12)]
    [InlineData("return", 1)]
    [InlineData("transfer_in", 4)]
    [InlineData("adjustment", 2)]
    [InlineData("sale", -1)]
    [InlineData("damage", -2)]
    [InlineData("shrink", -1)]
    [InlineData("transfer_out", -3)]
    [InlineData("shipment", -4)]
    public async Task A_movement_with_any_postable_reason_changes_on_hand_and_is_in_the_ledger(string reason, int delta)
    {
        var warehouse = await ApiSeed.Location(_api, "WH", "warehouse", capabilities: ["ship"]);
        var sku = await ApiSeed.Product(_api);
        await ApiSeed.Stock(_api, warehouse, sku, 10);

        var recorded = await (await _api.PostJson("/api/v1/inventory/movements", new { locationCode = warehouse, sku, delta, reason, reference = "DOC-1" }))
            .Json(HttpStatusCode.Created);

        Assert.Equal(reason, recorded.GetProperty("movement").GetProperty("reason").GetString());
        Assert.Equal(10 + delta, recorded.GetProperty("position").GetProperty("onHand").GetInt32());
        Assert.Equal(10 + delta, (await ApiSeed.Position(_api, warehouse, sku)).GetProperty("onHand").GetInt32());
        var newest = (await Ledger(warehouse, sku))[0];
        Assert.Equal((delta, reason, "DOC-1"), (newest.Delta, newest.Reason, newest.Reference));
    }

    [Fact]
    public async Task A_movement_with_reason_count_is_refused_because_counts_have_their_own_endpoint()
    {
        var store = await ApiSeed.Location(_api, "STORE");
        var sku = await ApiSeed.Product(_api);

        var problem = await (await _api.PostJson("/api/v1/inventory/movements", new { locationCode = store, sku, delta = 3, reason = "count" }))
            .Problem(HttpStatusCode.BadRequest, "validation_failed");

        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Empty(await Ledger(store, sku));
    }

    [Fact]
    public async Task A_movement_of_zero_units_is_refused()
    {
        var store = await ApiSeed.Location(_api, "STORE");
        var sku = await ApiSeed.Product(_api);

        var problem = await (await _api.PostJson("/api/v1/inventory/movements", new { locationCode = store, sku, delta = 0, reason = "receipt" }))
            .Problem(HttpStatusCode.BadRequest, "validation_failed");

        Assert.True(problem.GetProperty("errors").TryGetProperty("delta", out _));
        Assert.Empty(await Ledger(store, sku));
    }

    [Fact]
    public async Task Writing_stock_of_an_unknown_location_or_SKU_is_a_400_naming_the_field()
    {
        var store = await ApiSeed.Location(_api, "STORE");
        var sku = await ApiSeed.Product(_api);
        var ghostStore = OmniFactory.Unique("GHOST");
        var ghostSku = OmniFactory.Unique("GHOST");

        var unknownLocation = await (await _api.PostJson("/api/v1/inventory/movements", new { locationCode = ghostStore, sku, delta = 1, reason = "receipt" }))
            .Problem(HttpStatusCode.BadRequest, "validation_failed");
        var unknownSku = await (await _api.PostJson("/api/v1/inventory/movements", new { locationCode = store, sku = ghostSku, delta = 1, reason = "receipt" }))
            .Problem(HttpStatusCode.BadRequest, "validation_failed");
        var countOfUnknownSku = await (await _api.PutJson($"/api/v1/inventory/{store}/{ghostSku}", new { onHand = 3 }))
            .Problem(HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(["locationCode"], FieldsOf(unknownLocation));
        Assert.Equal(["sku"], FieldsOf(unknownSku));
        Assert.Equal(["sku"], FieldsOf(countOfUnknownSku));
        Assert.Empty(await Ledger(store, sku));
        Assert.Empty(await Ledger(store, ghostSku));
    }

    [Fact]
    public async Task A_store_bound_key_writes_its_own_stock_but_not_another_stores()
    {
        var mine = await ApiSeed.Location(_api, "MINE");
        var theirs = await ApiSeed.Location(_api, "THEIRS");
        var sku = await ApiSeed.Product(_api);
        await ApiSeed.Stock(_api, theirs, sku, 8);
        var till = omni.ClientWithKey(await NewKey(["inventory"], mine));

        await (await till.PutJson($"/api/v1/inventory/{mine}/{sku}", new { onHand = 5 })).Json(HttpStatusCode.OK);
        await (await till.PostJson("/api/v1/inventory/movements", new { locationCode = mine, sku, delta = 2, reason = "receipt" })).Json(HttpStatusCode.Created);

        await (await till.PutJson($"/api/v1/inventory/{theirs}/{sku}", new { onHand = 0 })).Problem(HttpStatusCode.Forbidden, "forbidden");
        await (await till.PostJson("/api/v1/inventory/movements", new { locationCode = theirs, sku, delta = -8, reason = "damage" })).Problem(HttpStatusCode.Forbidden, "forbidden");
        await (await till.PostJson($"/api/v1/inventory/{theirs}/snapshot", new { lines = new[] { new { sku, onHand = 0 } } })).Problem(HttpStatusCode.Forbidden, "forbidden");

        Assert.Equal(7, (await ApiSeed.Position(_api, mine, sku)).GetProperty("onHand").GetInt32());
        Assert.Equal(8, (await ApiSeed.Position(_api, theirs, sku)).GetProperty("onHand").GetInt32());
        Assert.Single(await Ledger(theirs, sku));
    }

    [Fact]
    public async Task A_key_without_the_inventory_scope_may_read_stock_but_not_write_it()
    {
        var store = await ApiSeed.Location(_api, "STORE");
        var sku = await ApiSeed.Product(_api);
        await ApiSeed.Stock(_api, store, sku, 4);
        var orders = omni.ClientWithKey(await NewKey(["orders"], null));

        await (await orders.PutJson($"/api/v1/inventory/{store}/{sku}", new { onHand = 100 })).Problem(HttpStatusCode.Forbidden, "forbidden");
        await (await orders.PostJson("/api/v1/inventory/movements", new { locationCode = store, sku, delta = 1, reason = "receipt" })).Problem(HttpStatusCode.Forbidden, "forbidden");
        await (await orders.PostJson($"/api/v1/inventory/{store}/snapshot", new { lines = new[] { new { sku, onHand = 100 } } })).Problem(HttpStatusCode.Forbidden, "forbidden");

        Assert.Equal(4, (await ApiSeed.Position(orders, store, sku)).GetProperty("onHand").GetInt32());
    }

    [Fact]
    public async Task A_known_SKU_never_stocked_at_a_known_location_has_a_position_of_zeros()
    {
        var store = await ApiSeed.Location(_api, "STORE");
        var sku = await ApiSeed.Product(_api);

        var position = await ApiSeed.Position(_api, store, sku);

        Assert.Equal(store, position.GetProperty("locationCode").GetString());
        Assert.Equal(sku, position.GetProperty("sku").GetString());
        foreach (var counter in new[] { "onHand", "reserved", "safetyStock", "available" })
            Assert.Equal(0, position.GetProperty(counter).GetInt32());
    }

    [Fact]
    public async Task The_position_of_an_unknown_SKU_or_location_is_a_404_problem()
    {
        var store = await ApiSeed.Location(_api, "STORE");
        var sku = await ApiSeed.Product(_api);

        await (await _api.GetAsync($"/api/v1/inventory/{store}/{OmniFactory.Unique("GHOST")}")).Problem(HttpStatusCode.NotFound, "not_found");
        await (await _api.GetAsync($"/api/v1/inventory/{OmniFactory.Unique("GHOST")}/{sku}")).Problem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task A_snapshot_reports_the_reconciliation_and_the_ledger_still_sums_to_on_hand()
    {
        var warehouse = await ApiSeed.Location(_api, "WH", "warehouse", capabilities: ["ship"]);
        var (grows, shrinks, same, fresh) = (await ApiSeed.Product(_api), await ApiSeed.Product(_api), await ApiSeed.Product(_api), await ApiSeed.Product(_api));
        await ApiSeed.Stock(_api, warehouse, grows, 10);
        await ApiSeed.Stock(_api, warehouse, shrinks, 5);
        await ApiSeed.Stock(_api, warehouse, same, 7);
        await (await _api.PostJson("/api/v1/inventory/movements", new { locationCode = warehouse, sku = grows, delta = -1, reason = "damage" })).Json(HttpStatusCode.Created);

        var report = await (await _api.PostJson($"/api/v1/inventory/{warehouse}/snapshot", new
        {
            lines = new object[]
            {
                new { sku = grows, onHand = 12 },
                new { sku = shrinks, onHand = 1, safetyStock = 1 },
                new { sku = same, onHand = 7 },
                new { sku = fresh, onHand = 3 },
            },
        })).Json(HttpStatusCode.OK);

        Assert.Equal(4, report.GetProperty("positions").GetInt32());
        Assert.Equal(3, report.GetProperty("changed").GetInt32());
        Assert.Equal(3 + 3, report.GetProperty("unitsAdded").GetInt64());
        Assert.Equal(4, report.GetProperty("unitsRemoved").GetInt64());
        var discrepancies = report.GetProperty("discrepancies").EnumerateArray()
            .ToDictionary(d => d.GetProperty("sku").GetString()!, d => (d.GetProperty("expected").GetInt32(), d.GetProperty("counted").GetInt32()));
        Assert.Equal(new Dictionary<string, (int, int)> { [grows] = (9, 12), [shrinks] = (5, 1), [fresh] = (0, 3) }, discrepancies);

        foreach (var (sku, onHand) in new[] { (grows, 12), (shrinks, 1), (same, 7), (fresh, 3) })
        {
            Assert.Equal(onHand, (await ApiSeed.Position(_api, warehouse, sku)).GetProperty("onHand").GetInt32());
            Assert.Equal(onHand, (await Ledger(warehouse, sku)).Sum(m => m.Delta));
        }
        Assert.Equal(1, (await ApiSeed.Position(_api, warehouse, shrinks)).GetProperty("safetyStock").GetInt32());
    }

    private sealed record LedgerEntry(int Delta, string Reason, int OnHandAfter, string? Reference);

    /// <summary>The whole ledger of a position, newest first, read through the API.</summary>
    private async Task<List<LedgerEntry>> Ledger(string location, string sku)
    {
        var page = await (await _api.GetAsync($"/api/v1/inventory/{location}/{sku}/movements?limit=1000")).Json(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
        return [.. page.GetProperty("items").EnumerateArray().Select(m => new LedgerEntry(
            m.GetProperty("delta").GetInt32(), m.GetProperty("reason").GetString()!, m.GetProperty("onHandAfter").GetInt32(),
            m.GetProperty("reference").GetString()))];
    }

    private async Task<string> NewKey(string[] scopes, string? storeCode)
    {
        var created = await (await _api.PostJson("/api/v1/api-keys", new { name = OmniFactory.Unique("key"), scopes, storeCode })).Json(HttpStatusCode.Created);
        return created.GetProperty("key").GetString()!;
    }

    private static List<string> FieldsOf(JsonElement problem) => [.. problem.GetProperty("errors").EnumerateObject().Select(e => e.Name)];
}

public sealed class InventoryTests_Sqlite(SqliteOmni omni) : InventoryTests(omni), IClassFixture<SqliteOmni>;

public sealed class InventoryTests_Postgres(PostgresOmni omni) : InventoryTests(omni), IClassFixture<PostgresOmni>;
