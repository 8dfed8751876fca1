using System.Net;
using System.Text.Json;
using Omni.IntegrationTests.Infrastructure;

namespace Omni.IntegrationTests.Inventory;

/// <summary>In-store bin locations: set apart from the count, read back with every position answer.</summary>
public abstract class BinTests(OmniFactory omni)
{
    private readonly HttpClient _api = omni.Admin();

    [Fact]
    public async Task A_bin_is_set_trimmed_without_touching_the_stock_and_comes_back_with_every_position_answer()
    {
        var store = await ApiSeed.Location(_api, "STORE");
        var sku = await ApiSeed.Product(_api);
        await ApiSeed.Stock(_api, store, sku, 7, safetyStock: 1);

        var set = await (await _api.PutJson($"/api/v1/inventory/{store}/{sku}/bin", new { bin = "  A12-3 " })).Json(HttpStatusCode.OK);

        Assert.Equal(("A12-3", 7, 1, 6), (set.GetProperty("bin").GetString(), set.GetProperty("onHand").GetInt32(),
            set.GetProperty("safetyStock").GetInt32(), set.GetProperty("available").GetInt32()));
        Assert.Equal("A12-3", (await ApiSeed.Position(_api, store, sku)).GetProperty("bin").GetString());
        var counted = await (await _api.PutJson($"/api/v1/inventory/{store}/{sku}", new { onHand = 9 })).Json(HttpStatusCode.OK);
        Assert.Equal(("A12-3", 9), (counted.GetProperty("bin").GetString(), counted.GetProperty("onHand").GetInt32()));
        var moved = await (await _api.PostJson("/api/v1/inventory/movements", new { locationCode = store, sku, delta = 1, reason = "receipt" }))
            .Json(HttpStatusCode.Created);
        Assert.Equal("A12-3", moved.GetProperty("position").GetProperty("bin").GetString());
        // Relabelling counts nothing: the ledger holds the two counts and the receipt only.
        Assert.Equal(3, await LedgerCount(store, sku));
    }

    [Fact]
    public async Task A_bin_for_a_sku_never_stocked_there_makes_a_position_of_zeros_and_a_blank_bin_clears_it()
    {
        var store = await ApiSeed.Location(_api, "STORE");
        var sku = await ApiSeed.Product(_api);

        var set = await (await _api.PutJson($"/api/v1/inventory/{store}/{sku}/bin", new { bin = "C07-1" })).Json(HttpStatusCode.OK);
        Assert.Equal(("C07-1", 0, 0), (set.GetProperty("bin").GetString(), set.GetProperty("onHand").GetInt32(), set.GetProperty("available").GetInt32()));

        var cleared = await (await _api.PutJson($"/api/v1/inventory/{store}/{sku}/bin", new { bin = " " })).Json(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("bin").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await ApiSeed.Position(_api, store, sku)).GetProperty("bin").ValueKind);
        Assert.Equal(0, await LedgerCount(store, sku));
    }

    [Theory]
    [InlineData("A12-3-THIS-LABEL-IS-FAR-TOO-LONG-X")]
    [InlineData("A12;DROP")]
    [InlineData("-A1")]
    public async Task A_bad_bin_is_a_400_naming_the_field_and_changes_nothing(string bin)
    {
        var store = await ApiSeed.Location(_api, "STORE");
        var sku = await ApiSeed.Product(_api);
        await ApiSeed.Stock(_api, store, sku, 4);
        await (await _api.PutJson($"/api/v1/inventory/{store}/{sku}/bin", new { bin = "B01-1" })).Json(HttpStatusCode.OK);

        var problem = await (await _api.PutJson($"/api/v1/inventory/{store}/{sku}/bin", new { bin })).Problem(HttpStatusCode.BadRequest, "validation_failed");

        Assert.True(problem.GetProperty("errors").TryGetProperty("bin", out _));
        var position = await ApiSeed.Position(_api, store, sku);
        Assert.Equal(("B01-1", 4), (position.GetProperty("bin").GetString(), position.GetProperty("onHand").GetInt32()));
    }

    [Fact]
    public async Task A_bin_at_an_unknown_location_or_for_an_unknown_sku_is_a_404()
    {
        var store = await ApiSeed.Location(_api, "STORE");
        var sku = await ApiSeed.Product(_api);

        await (await _api.PutJson($"/api/v1/inventory/NOWHERE-{Guid.NewGuid():N}/{sku}/bin", new { bin = "A1" })).Problem(HttpStatusCode.NotFound, "not_found");
        await (await _api.PutJson($"/api/v1/inventory/{store}/NOSUCH-{Guid.NewGuid():N}/bin", new { bin = "A1" })).Problem(HttpStatusCode.NotFound, "not_found");

        Assert.Equal(JsonValueKind.Null, (await ApiSeed.Position(_api, store, sku)).GetProperty("bin").ValueKind);
    }

    [Fact]
    public async Task A_store_bound_key_sets_bins_only_in_its_own_store()
    {
        var mine = await ApiSeed.Location(_api, "STORE");
        var theirs = await ApiSeed.Location(_api, "STORE");
        var sku = await ApiSeed.Product(_api);
        var created = await (await _api.PostJson("/api/v1/api-keys", new { name = OmniFactory.Unique("key"), scopes = new[] { "inventory" }, storeCode = mine }))
            .Json(HttpStatusCode.Created);
        var till = omni.ClientWithKey(created.GetProperty("key").GetString()!);

        await (await till.PutJson($"/api/v1/inventory/{mine}/{sku}/bin", new { bin = "D02-4" })).Json(HttpStatusCode.OK);
        await (await till.PutJson($"/api/v1/inventory/{theirs}/{sku}/bin", new { bin = "D02-4" })).Problem(HttpStatusCode.Forbidden, "forbidden");

        Assert.Equal(JsonValueKind.Null, (await ApiSeed.Position(_api, theirs, sku)).GetProperty("bin").ValueKind);
    }

    [Fact]
    public async Task Positions_of_a_location_list_each_requested_sku_with_its_bin_and_zeros_where_never_stocked()
    {
        var store = await ApiSeed.Location(_api, "STORE");
        var (shelved, unstocked) = (await ApiSeed.Product(_api), await ApiSeed.Product(_api));
        await ApiSeed.Stock(_api, store, shelved, 3);
        await (await _api.PutJson($"/api/v1/inventory/{store}/{shelved}/bin", new { bin = "E10-2" })).Json(HttpStatusCode.OK);

        var page = await (await _api.GetAsync($"/api/v1/inventory/positions?locationCode={store}&skus={shelved},{unstocked.ToLowerInvariant()}")).Json(HttpStatusCode.OK);

        var items = page.GetProperty("items").EnumerateArray()
            .Select(p => (p.GetProperty("sku").GetString(), p.GetProperty("onHand").GetInt32(), p.GetProperty("bin").GetString())).ToList();
        Assert.Equal([(shelved, 3, "E10-2"), (unstocked, 0, null)], items);
        var unknown = await (await _api.GetAsync($"/api/v1/inventory/positions?locationCode={store}&skus=NOSUCH-{Guid.NewGuid():N}")).Problem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(unknown.GetProperty("errors").TryGetProperty("skus", out _));
        await (await _api.GetAsync($"/api/v1/inventory/positions?locationCode=NOWHERE&skus={shelved}")).Problem(HttpStatusCode.BadRequest, "validation_failed");
    }

    private async Task<int> LedgerCount(string location, string sku) =>
        (await (await _api.GetAsync($"/api/v1/inventory/{location}/{sku}/movements")).Json(HttpStatusCode.OK)).GetProperty("items").GetArrayLength();
}

public sealed class BinTests_Sqlite(SqliteOmni omni) : BinTests(omni), IClassFixture<SqliteOmni>;

public sealed class BinTests_Postgres(PostgresOmni omni) : BinTests(omni), IClassFixture<PostgresOmni>;
