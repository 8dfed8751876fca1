using System.Net;
using Omni.IntegrationTests.Infrastructure;
using static Omni.IntegrationTests.Orders.OrderRequests;

namespace Omni.IntegrationTests.Orders;

/// <summary>Hammers the real database with parallel HTTP requests and checks that nothing is ever promised twice.</summary>
public abstract class ConcurrencyTests(OmniFactory omni)
{
    private readonly HttpClient _api = omni.Admin();

    [Fact]
    public async Task Hundreds_of_parallel_buyers_of_a_few_units_get_exactly_those_units()
    {
        var warehouse = await ApiSeed.Location(_api, "WH", "warehouse", capabilities: ["ship"]);
        var sku = await ApiSeed.Product(_api);
        await ApiSeed.Stock(_api, warehouse, sku, 10);

        var statuses = await Parallel(300, _ => _api.PostJson("/api/v1/orders", Ship("web", (sku, 1)), Guid.NewGuid().ToString()));

        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(290, statuses.Count(s => s == HttpStatusCode.Conflict));
        var position = await ApiSeed.Position(_api, warehouse, sku);
        Assert.Equal(10, position.GetProperty("reserved").GetInt32());
        Assert.Equal(0, position.GetProperty("available").GetInt32());
        await AssertInvariants();
    }

    [Fact]
    public async Task Multi_line_orders_crossing_each_other_neither_deadlock_nor_oversell()
    {
        var a = await ApiSeed.Location(_api, "A", "warehouse", 45.7, 4.8, ["ship"]);
        var b = await ApiSeed.Location(_api, "B", "warehouse", 48.8, 2.3, ["ship"]);
        var x = await ApiSeed.Product(_api);
        var y = await ApiSeed.Product(_api);
        foreach (var location in new[] { a, b })
            foreach (var sku in new[] { x, y })
                await ApiSeed.Stock(_api, location, sku, 15);

        // Half the orders name x then y, half y then x, with quantities that force splits across both locations.
        var statuses = await Parallel(200, i => _api.PostJson("/api/v1/orders",
            i % 2 == 0 ? Ship("web", (x, 1 + i % 3), (y, 2)) : Ship("app", (y, 1 + i % 3), (x, 2))));

        Assert.DoesNotContain(statuses, s => s != HttpStatusCode.Created && s != HttpStatusCode.Conflict);
        Assert.Contains(HttpStatusCode.Created, statuses);
        var reserved = 0;
        foreach (var location in new[] { a, b })
            foreach (var sku in new[] { x, y })
            {
                var position = await ApiSeed.Position(_api, location, sku);
                Assert.True(position.GetProperty("reserved").GetInt32() <= 15);
                reserved += position.GetProperty("reserved").GetInt32();
            }
        Assert.True(reserved > 40, $"only {reserved} of 60 units were sold: the orders starved each other");
        await AssertInvariants();
    }

    [Fact]
    public async Task Parallel_retries_with_one_idempotency_key_create_one_order()
    {
        var warehouse = await ApiSeed.Location(_api, "WH", "warehouse", capabilities: ["ship"]);
        var sku = await ApiSeed.Product(_api);
        await ApiSeed.Stock(_api, warehouse, sku, 100);
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => _api.PostJson("/api/v1/orders", Ship("web", (sku, 1)), key)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Json(HttpStatusCode.Created)).GetProperty("id").GetGuid()));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, (await ApiSeed.Position(_api, warehouse, sku)).GetProperty("reserved").GetInt32());
    }

    [Fact]
    public async Task Orders_cancellations_sales_counts_snapshots_and_receipts_in_parallel_keep_the_ledger_and_reservations_true()
    {
        var store = await ApiSeed.Location(_api, "STORE");
        var sku = await ApiSeed.Product(_api);
        await ApiSeed.Stock(_api, store, sku, 40);
        var placed = new System.Collections.Concurrent.ConcurrentBag<Guid>();

        var statuses = await Parallel(240, async i =>
        {
            switch (i % 6)
            {
                case 0 or 1:
                    var response = await _api.PostJson("/api/v1/orders", Pickup(store, (sku, 1 + i % 2)));
                    if (response.StatusCode == HttpStatusCode.Created) placed.Add((await response.Json(HttpStatusCode.Created)).GetProperty("id").GetGuid());
                    return response;
                case 2:
                    return placed.TryTake(out var id)
                        ? await _api.PostJson($"/api/v1/orders/{id}/cancel", new { reason = "test" })
                        : new HttpResponseMessage(HttpStatusCode.OK);
                case 3:
                    return await _api.PostJson($"/api/v1/stores/{store}/sales", new { lines = new[] { new { sku, quantity = 1, unitPrice = new { amount = 10m, currency = "EUR" } } } });
                case 4:
                    return await _api.PostJson("/api/v1/inventory/movements", new { locationCode = store, sku, delta = 2, reason = "receipt", reference = $"PO-{i}" });
                default:
                    return i % 12 == 5
                        ? await _api.PostJson($"/api/v1/inventory/{store}/snapshot", new { lines = new[] { new { sku, onHand = 25 + i % 5 } } })
                        : await _api.PutJson($"/api/v1/inventory/{store}/{sku}", new { onHand = 20 + i % 7 });
            }
        });

        Assert.DoesNotContain(statuses, s => (int)s >= 500);
        await AssertInvariants();
    }

    private Task AssertInvariants() => StockInvariants.AssertAsync(omni);

    private static async Task<List<HttpStatusCode>> Parallel(int count, Func<int, Task<HttpResponseMessage>> request)
    {
        using var start = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, count).Select(async i =>
        {
            await start.WaitAsync();
            using var response = await request(i);
            if ((int)response.StatusCode >= 500) Assert.Fail($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return response.StatusCode;
        }).ToList();
        start.Release(count);
        return [.. await Task.WhenAll(tasks)];
    }
}

public sealed class ConcurrencyTests_Sqlite(SqliteOmni omni) : ConcurrencyTests(omni), IClassFixture<SqliteOmni>;

public sealed class ConcurrencyTests_Postgres(PostgresOmni omni) : ConcurrencyTests(omni), IClassFixture<PostgresOmni>;
