using System.Net;
using System.Text.Json;
using Omni.IntegrationTests.Infrastructure;
using static Omni.IntegrationTests.Orders.OrderRequests;

namespace Omni.IntegrationTests.Inventory;

/// <summary>Availability is answered from each node's in-memory view; changes made on another node must reach it through the feed.</summary>
public abstract class StockViewTests(OmniFactory omni)
{
    private readonly HttpClient _api = omni.Admin();

    [Fact]
    public async Task A_second_node_sees_counts_orders_and_snapshots_made_on_the_first()
    {
        await using var secondNode = omni.WithWebHostBuilder(_ => { });
        var other = secondNode.CreateClient();
        other.DefaultRequestHeaders.Authorization = new("Bearer", OmniFactory.AdminKey);
        var warehouse = await ApiSeed.Location(_api, "WH", "warehouse", capabilities: ["ship"]);
        var sku = await ApiSeed.Product(_api);
        await ApiSeed.Stock(_api, warehouse, sku, 10);

        await Eventually(other, warehouse, sku, available: 10);

        await (await _api.PostJson("/api/v1/orders", Ship("web", (sku, 3)))).Json(HttpStatusCode.Created);
        await Eventually(other, warehouse, sku, available: 7);

        await (await _api.PostJson($"/api/v1/inventory/{warehouse}/snapshot", new { lines = new[] { new { sku, onHand = 20 } } })).Json(HttpStatusCode.OK);
        await Eventually(other, warehouse, sku, available: 17);
    }

    [Fact]
    public async Task The_node_that_wrote_answers_with_its_own_write_at_once()
    {
        var warehouse = await ApiSeed.Location(_api, "WH", "warehouse", capabilities: ["ship"]);
        var sku = await ApiSeed.Product(_api);
        for (var onHand = 1; onHand <= 5; onHand++)
        {
            await ApiSeed.Stock(_api, warehouse, sku, onHand);
            Assert.Equal(onHand, await Available(_api, sku));
        }
    }

    private static async Task<int> Available(HttpClient client, string sku)
    {
        var body = await (await client.GetAsync($"/api/v1/availability?skus={sku}&channel=web")).Json(HttpStatusCode.OK);
        return body.GetProperty("items")[0].GetProperty("available").GetInt32();
    }

    // The second node learns of new locations within its directory refresh (5 s) and of stock within the feed's tick.
    private static async Task Eventually(HttpClient client, string location, string sku, int available)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        JsonElement last = default;
        while (DateTime.UtcNow < deadline)
        {
            last = await (await client.GetAsync($"/api/v1/availability?skus={sku}")).Json(HttpStatusCode.OK);
            var locations = last.GetProperty("items")[0].GetProperty("locations").EnumerateArray();
            if (locations.Any(l => l.GetProperty("locationCode").GetString() == location && l.GetProperty("available").GetInt32() == available)) return;
            await Task.Delay(50);
        }
        Assert.Fail($"The second node never showed {available} of {sku} at {location}; last answer: {last}");
    }
}

public sealed class StockViewTests_Sqlite(SqliteOmni omni) : StockViewTests(omni), IClassFixture<SqliteOmni>;

public sealed class StockViewTests_Postgres(PostgresOmni omni) : StockViewTests(omni), IClassFixture<PostgresOmni>;
