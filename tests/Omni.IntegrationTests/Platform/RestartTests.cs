using System.Net;
using Omni.IntegrationTests.Infrastructure;
using static Omni.IntegrationTests.Orders.OrderRequests;

namespace Omni.IntegrationTests.Platform;

public abstract class RestartTests(OmniFactory omni)
{
    [Fact]
    public async Task Data_written_before_a_server_stops_is_there_after_it_starts_again()
    {
        string warehouse, sku;
        Guid orderId;
        await using (var before = omni.WithWebHostBuilder(_ => { }))
        {
            var api = Admin(before);
            warehouse = await ApiSeed.Location(api, "WH", "warehouse", capabilities: ["ship"]);
            sku = await ApiSeed.Product(api);
            await ApiSeed.Stock(api, warehouse, sku, 5);
            orderId = (await (await api.PostJson("/api/v1/orders", Ship("web", (sku, 2)), "restart-key")).Json(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        }

        await using var after = omni.WithWebHostBuilder(_ => { });
        var again = Admin(after);
        var position = await ApiSeed.Position(again, warehouse, sku);
        Assert.Equal(5, position.GetProperty("onHand").GetInt32());
        Assert.Equal(2, position.GetProperty("reserved").GetInt32());
        var order = await (await again.GetAsync($"/api/v1/orders/{orderId}")).Json(HttpStatusCode.OK);
        Assert.Equal("accepted", order.GetProperty("status").GetString());
        var availability = await (await again.GetAsync($"/api/v1/availability?skus={sku}")).Json(HttpStatusCode.OK);
        Assert.Equal(3, availability.GetProperty("items")[0].GetProperty("available").GetInt32());
        // The idempotency key survived too: the retry answers with the same order.
        var retry = await (await again.PostJson("/api/v1/orders", Ship("web", (sku, 2)), "restart-key")).Json(HttpStatusCode.Created);
        Assert.Equal(orderId, retry.GetProperty("id").GetGuid());
    }

    private static HttpClient Admin(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> host)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", OmniFactory.AdminKey);
        return client;
    }
}

public sealed class RestartTests_Sqlite(SqliteOmni omni) : RestartTests(omni), IClassFixture<SqliteOmni>;

public sealed class RestartTests_Postgres(PostgresOmni omni) : RestartTests(omni), IClassFixture<PostgresOmni>;
