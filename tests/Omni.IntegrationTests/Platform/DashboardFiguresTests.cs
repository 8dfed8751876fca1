using System.Net;
using System.Text.Json;
using Omni.IntegrationTests.Infrastructure;
using static Omni.IntegrationTests.Orders.OrderRequests;

namespace Omni.IntegrationTests.Platform;

/// <summary>The figures the manager console charts: orders per channel and status, stock-outs per location.</summary>
public abstract class DashboardFiguresTests(OmniFactory omni)
{
    private readonly HttpClient _api = omni.Admin();

    [Fact]
    public async Task The_order_summary_counts_orders_per_channel_and_status_in_the_period()
    {
        var warehouse = await ApiSeed.Location(_api, "WH", "warehouse", 45.75, 4.85, ["ship"]);
        var sku = await ApiSeed.Product(_api);
        await ApiSeed.Stock(_api, warehouse, sku, 50);
        var from = DateTime.UtcNow.AddMinutes(-1);
        foreach (var channel in new[] { "web", "web", "app", "callcenter" })
            await (await _api.PostJson("/api/v1/orders", Ship(channel, (sku, 1)), Guid.NewGuid().ToString())).Json(HttpStatusCode.Created);
        var cancelled = await (await _api.PostJson("/api/v1/orders", Ship("app", (sku, 1)), Guid.NewGuid().ToString())).Json(HttpStatusCode.Created);
        await (await _api.PostJson($"/api/v1/orders/{cancelled.GetProperty("id").GetString()}/cancel", new { reason = "test" })).Json(HttpStatusCode.OK);

        var summary = await (await _api.GetAsync($"/api/v1/orders/summary?placedFrom={from:O}")).Json(HttpStatusCode.OK);
        var counts = summary.GetProperty("counts").EnumerateArray()
            .ToDictionary(c => $"{c.GetProperty("channel").GetString()}/{c.GetProperty("status").GetString()}", c => c.GetProperty("orders").GetInt32());

        Assert.Equal(5, summary.GetProperty("orders").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["web/accepted"] = 2, ["app/accepted"] = 1, ["app/cancelled"] = 1, ["callcenter/accepted"] = 1 }, counts);
        var later = await (await _api.GetAsync($"/api/v1/orders/summary?placedFrom={DateTime.UtcNow.AddMinutes(1):O}")).Json(HttpStatusCode.OK);
        Assert.Equal(0, later.GetProperty("orders").GetInt32());
    }

    [Fact]
    public async Task Stock_outs_count_positions_with_nothing_to_promise_per_location()
    {
        var store = await ApiSeed.Location(_api, "STORE");
        var skus = new List<string>();
        for (var i = 0; i < 4; i++) skus.Add(await ApiSeed.Product(_api));
        await ApiSeed.Stock(_api, store, skus[0], 5);
        await ApiSeed.Stock(_api, store, skus[1], 0);
        await ApiSeed.Stock(_api, store, skus[2], 2, safetyStock: 2);
        await ApiSeed.Stock(_api, store, skus[3], 3, safetyStock: 1);

        var report = await (await _api.GetAsync("/api/v1/inventory/stockouts")).Json(HttpStatusCode.OK);
        var mine = report.GetProperty("locations").EnumerateArray().Single(l => l.GetProperty("locationCode").GetString() == store);

        Assert.Equal(4, mine.GetProperty("positions").GetInt32());
        Assert.Equal(2, mine.GetProperty("stockedOut").GetInt32());
        Assert.True(report.GetProperty("stockedOut").GetInt32() >= 2);
    }

    [Fact]
    public async Task A_summary_period_that_ends_before_it_starts_is_refused()
    {
        var problem = await (await _api.GetAsync("/api/v1/orders/summary?placedFrom=2026-02-01T00:00:00Z&placedTo=2026-01-01T00:00:00Z"))
            .Problem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("placedTo", out JsonElement _));
    }
}

public sealed class DashboardFiguresTests_Sqlite(SqliteOmni omni) : DashboardFiguresTests(omni), IClassFixture<SqliteOmni>;

public sealed class DashboardFiguresTests_Postgres(PostgresOmni omni) : DashboardFiguresTests(omni), IClassFixture<PostgresOmni>;
