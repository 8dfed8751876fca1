using System.Net;
using Omni.IntegrationTests.Infrastructure;

namespace Omni.IntegrationTests.Fulfillment;

/// <summary>A customer at the counter is found in the store's queue by the code they show, their order number or their name.</summary>
public abstract class StoreQueueSearchTests(OmniFactory omni)
{
    private readonly HttpClient _admin = omni.Admin();
    private FulfillmentApi Api => new(_admin);

    [Fact]
    public async Task The_queue_finds_a_pickup_by_its_code_its_order_number_or_a_piece_of_the_customers_name()
    {
        var store = await ApiSeed.Location(_admin, "STORE");
        var sku = await ApiSeed.Product(_admin);
        await ApiSeed.Stock(_admin, store, sku, 10);
        var name = $"Zoé {OmniFactory.Unique("Quinn")}";
        var wanted = await Api.PlaceOrder(PickupFor(store, sku, name));
        var other = await Api.PlaceOrder(PickupFor(store, sku, "Somebody Else"));
        var id = FulfillmentApi.Id(await Api.Single(wanted));
        await Api.Do(id, "pick");
        var code = (await Api.Do(id, "ready")).GetProperty("pickupCode").GetString()!;

        foreach (var q in new[] { code.ToLowerInvariant(), wanted.GetProperty("number").GetString()!, name[5..^2].ToUpperInvariant() })
            Assert.Equal([id], await FoundAsync(store, q));
        Assert.Empty(await FoundAsync(store, "no such customer"));
        Assert.Contains(FulfillmentApi.Id(await Api.Single(other)), await FoundAsync(store, "somebody"));
        Assert.Empty(await FoundAsync(store, "100%_"));
    }

    [Fact]
    public async Task A_search_term_too_short_or_too_long_is_refused()
    {
        var store = await ApiSeed.Location(_admin, "STORE");
        foreach (var q in new[] { "x", new string('x', 101) })
        {
            var problem = await (await _admin.GetAsync($"/api/v1/locations/{store}/fulfillments?q={q}")).Problem(HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty("q", out _));
        }
    }

    private async Task<List<Guid>> FoundAsync(string store, string q)
    {
        var page = await (await _admin.GetAsync($"/api/v1/locations/{store}/fulfillments?q={Uri.EscapeDataString(q)}")).Json(HttpStatusCode.OK);
        return [.. page.GetProperty("items").EnumerateArray().Select(FulfillmentApi.Id)];
    }

    private static object PickupFor(string store, string sku, string name) => new
    {
        channel = "web",
        customer = new { email = "queue@example.com", name },
        lines = new[] { new { sku, quantity = 1, fulfillment = new { method = "pickup", locationCode = store } } },
    };
}

public sealed class StoreQueueSearchTests_Sqlite(SqliteOmni omni) : StoreQueueSearchTests(omni), IClassFixture<SqliteOmni>;

public sealed class StoreQueueSearchTests_Postgres(PostgresOmni omni) : StoreQueueSearchTests(omni), IClassFixture<PostgresOmni>;
