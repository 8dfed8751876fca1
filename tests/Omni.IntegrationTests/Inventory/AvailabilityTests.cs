using System.Net;
using System.Text.Json;
using Omni.IntegrationTests.Infrastructure;

namespace Omni.IntegrationTests.Inventory;

public abstract class AvailabilityTests(OmniFactory omni)
{
    private readonly HttpClient _api = omni.Admin();

    [Fact]
    public async Task The_web_sees_the_network_total_of_locations_that_ship_or_hand_over_but_not_a_returns_only_one()
    {
        var ships = await ApiSeed.Location(_api, "SHIP", "warehouse", capabilities: ["ship"]);
        var pickup = await ApiSeed.Location(_api, "PICKUP", capabilities: ["pickup"]);
        var curbside = await ApiSeed.Location(_api, "CURB", capabilities: ["curbside"]);
        var returnsOnly = await ApiSeed.Location(_api, "RETURNS", capabilities: ["returns"]);
        var sku = await ApiSeed.Product(_api);
        await ApiSeed.Stock(_api, ships, sku, 10);
        await ApiSeed.Stock(_api, pickup, sku, 4);
        await ApiSeed.Stock(_api, curbside, sku, 3);
        await ApiSeed.Stock(_api, returnsOnly, sku, 7);

        var item = await Availability($"skus={sku}&channel=web");

        Assert.Equal(sku, item.GetProperty("sku").GetString());
        Assert.Equal(17, item.GetProperty("available").GetInt32());
        Assert.Equal(new Dictionary<string, int> { [ships] = 10, [pickup] = 4, [curbside] = 3 }, LocationsOf(item));
        var pickupRow = item.GetProperty("locations").EnumerateArray().Single(l => l.GetProperty("locationCode").GetString() == pickup);
        Assert.True(pickupRow.GetProperty("pickup").GetBoolean());
        Assert.False(pickupRow.GetProperty("ship").GetBoolean());
    }

    [Fact]
    public async Task The_store_channel_needs_a_location_and_sees_only_that_stores_shelf()
    {
        var here = await ApiSeed.Location(_api, "HERE");
        var there = await ApiSeed.Location(_api, "THERE");
        var sku = await ApiSeed.Product(_api);
        await ApiSeed.Stock(_api, here, sku, 2);
        await ApiSeed.Stock(_api, there, sku, 9);

        var problem = await (await _api.GetAsync($"/api/v1/availability?skus={sku}&channel=store")).Problem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("location", out _));

        var item = await Availability($"skus={sku}&channel=store&location={here}");
        Assert.Equal(2, item.GetProperty("available").GetInt32());
        Assert.Equal(new Dictionary<string, int> { [here] = 2 }, LocationsOf(item));
    }

    [Fact]
    public async Task With_a_point_locations_come_nearest_first_with_their_distance()
    {
        var paris = await ApiSeed.Location(_api, "PARIS", lat: 48.8566, lon: 2.3522);
        var marseille = await ApiSeed.Location(_api, "MARSEILLE", lat: 43.2965, lon: 5.3698);
        var lyon = await ApiSeed.Location(_api, "LYON", lat: 45.7640, lon: 4.8357);
        var sku = await ApiSeed.Product(_api);
        // Deepest stock farthest away: without a point the order would be the other way round.
        await ApiSeed.Stock(_api, paris, sku, 30);
        await ApiSeed.Stock(_api, marseille, sku, 20);
        await ApiSeed.Stock(_api, lyon, sku, 10);

        var item = await Availability($"skus={sku}&lat=45.7578&lon=4.8320");

        var rows = item.GetProperty("locations").EnumerateArray().ToList();
        Assert.Equal([lyon, marseille, paris], rows.Select(r => r.GetProperty("locationCode").GetString()));
        var distances = rows.Select(r => r.GetProperty("distanceKm").GetDouble()).ToList();
        Assert.InRange(distances[0], 0, 2);
        Assert.InRange(distances[1], 250, 300);
        Assert.InRange(distances[2], 370, 420);

        var unsorted = await Availability($"skus={sku}");
        Assert.Equal([paris, marseille, lyon], unsorted.GetProperty("locations").EnumerateArray().Select(r => r.GetProperty("locationCode").GetString()));
        Assert.All(unsorted.GetProperty("locations").EnumerateArray(), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("distanceKm").ValueKind));
    }

    [Fact]
    public async Task Reserved_units_and_safety_stock_are_not_available()
    {
        var store = await ApiSeed.Location(_api, "STORE");
        var sku = await ApiSeed.Product(_api);
        await ApiSeed.Stock(_api, store, sku, 10, safetyStock: 2);
        await (await _api.PostJson("/api/v1/orders", new
        {
            channel = "app",
            lines = new[] { new { sku, quantity = 3, fulfillment = new { method = "pickup", locationCode = store } } },
        })).Json(HttpStatusCode.Created);

        var item = await Availability($"skus={sku}&channel=web");

        Assert.Equal(5, item.GetProperty("available").GetInt32());
        Assert.Equal(new Dictionary<string, int> { [store] = 5 }, LocationsOf(item));
    }

    [Fact]
    public async Task Several_SKUs_are_answered_in_the_order_asked_and_an_unstocked_one_has_zero()
    {
        var store = await ApiSeed.Location(_api, "STORE");
        var stocked = await ApiSeed.Product(_api);
        var never = await ApiSeed.Product(_api);
        await ApiSeed.Stock(_api, store, stocked, 6);

        var page = await (await _api.GetAsync($"/api/v1/availability?skus={never},{stocked}")).Json(HttpStatusCode.OK);

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([never, stocked], items.Select(i => i.GetProperty("sku").GetString()));
        Assert.Equal(0, items[0].GetProperty("available").GetInt32());
        Assert.Empty(items[0].GetProperty("locations").EnumerateArray());
        Assert.Equal(6, items[1].GetProperty("available").GetInt32());
    }

    [Theory]
    [InlineData("", "skus")]
    [InlineData("skus=", "skus")]
    [InlineData("skus={101}", "skus")]
    [InlineData("skus=A&lat=45.7", "lon")]
    [InlineData("skus=A&lon=4.8", "lat")]
    [InlineData("skus=A&lat=91&lon=0", "lat")]
    [InlineData("skus=A&lat=0&lon=-181", "lon")]
    [InlineData("skus=A&channel=fax", "channel")]
    public async Task A_bad_query_is_a_validation_problem_naming_the_parameter(string query, string field)
    {
        query = query.Replace("{101}", string.Join(',', Enumerable.Range(0, 101).Select(i => $"SKU-{i}")), StringComparison.Ordinal);

        var problem = await (await _api.GetAsync($"/api/v1/availability?{query}")).Problem(HttpStatusCode.BadRequest, "validation_failed");

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    private async Task<JsonElement> Availability(string query)
    {
        var page = await (await _api.GetAsync($"/api/v1/availability?{query}")).Json(HttpStatusCode.OK);
        return Assert.Single(page.GetProperty("items").EnumerateArray());
    }

    private static Dictionary<string, int> LocationsOf(JsonElement item) =>
        item.GetProperty("locations").EnumerateArray().ToDictionary(l => l.GetProperty("locationCode").GetString()!, l => l.GetProperty("available").GetInt32());
}

public sealed class AvailabilityTests_Sqlite(SqliteOmni omni) : AvailabilityTests(omni), IClassFixture<SqliteOmni>;

public sealed class AvailabilityTests_Postgres(PostgresOmni omni) : AvailabilityTests(omni), IClassFixture<PostgresOmni>;
