using System.Diagnostics;
using Omni.Bench.Infrastructure;

namespace Omni.Bench.Scenarios;

/// <summary>
/// "Never oversell" under a flash sale: a fresh SKU with a little stock at one warehouse, and many buyers
/// released at the same instant, each ordering one unit. Exactly the stock must be sold — no more, no less —
/// and the stock position must show all of it reserved.
/// </summary>
internal static class HotSkuScenario
{
    public static async Task<int> RunAsync(BenchSettings settings, int buyers, int stock, CancellationToken ct)
    {
        if (buyers < 1 || stock < 1) throw new BenchException("--buyers and --stock must be at least 1");
        using var api = OmniApi.Create(settings, buyers);
        var network = await Network.DiscoverAsync(api, allSkus: false, ct);
        var warehouse = network.ShipWarehouses.Count > 0
            ? network.ShipWarehouses[0]
            : throw new BenchException("no warehouse with capability ship in the network");
        var sku = await CreateHotSkuAsync(api, network, warehouse.Code, stock, ct);

        var tally = new Tally();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var orders = Enumerable.Range(0, buyers)
            .Select(_ => new PlaceOrderRequest("web", Network.RandomCustomer(), network.RandomShippingAddress(),
                [new OrderLineRequest(sku, 1, new FulfillmentRequest("ship"))]))
            .ToList();
        var racing = orders.Select(async order =>
        {
            await gate.Task;
            tally.Record(await api.MeasureAsync(OmniApi.PlaceOrder(order), ct));
        }).ToList();

        var released = Stopwatch.GetTimestamp();
        gate.SetResult();
        await Task.WhenAll(racing);
        var drained = Stopwatch.GetElapsedTime(released);

        var position = await api.GetAsync<StockDto>($"/api/v1/inventory/{Uri.EscapeDataString(warehouse.Code)}/{Uri.EscapeDataString(sku)}", ct);
        var exact = tally.Ok == stock;
        var consistent = position.Reserved == tally.Ok && position.Available == 0;

        new Report("hotsku", settings)
            .Add("SKU", $"{sku} at {warehouse.Code}")
            .Add("stock / buyers", $"{stock:N0} / {buyers:N0}")
            .Add("accepted", $"{tally.Ok:N0}{(exact ? "" : $" (expected {stock:N0})")}")
            .Add("rejected (409 insufficient_stock)", tally.Rejected.ToString("N0"))
            .AddErrors(tally)
            .Add("time to drain", $"{drained.TotalMilliseconds:N0} ms")
            .AddLatencies(tally)
            .Add("position after", $"on hand {position.OnHand}, reserved {position.Reserved}, available {position.Available}")
            .Add("verdict", exact && consistent ? "pass" : "FAIL")
            .Write();
        return exact && consistent ? 0 : 1;
    }

    private static async Task<string> CreateHotSkuAsync(OmniApi api, Network network, string warehouse, int stock, CancellationToken ct)
    {
        var code = $"BENCH-HOT-{DateTime.UtcNow:yyyyMMddHHmmss}-{Random.Shared.Next(0x10000):X4}";
        var sku = $"{code}-1";
        var product = new CreateProductRequest(code, "Bench hot item", "Omni Bench", "bench/hot",
            [new CreateVariantRequest(sku, RandomGtin13(), "Hot item", new Money(9.99m, network.Currency))]);
        await api.SendOrThrowAsync(HttpMethod.Post, "/api/v1/products", product, ct);
        await api.SendOrThrowAsync(HttpMethod.Put,
            $"/api/v1/inventory/{Uri.EscapeDataString(warehouse)}/{Uri.EscapeDataString(sku)}", new SetStockRequest(stock, 0), ct);
        return sku;
    }

    /// <summary>A GTIN-13 in the 20–29 "in-store" prefix range, with its check digit.</summary>
    private static string RandomGtin13()
    {
        var digits = "2" + string.Concat(Enumerable.Range(0, 11).Select(_ => (char)('0' + Random.Shared.Next(10))));
        var sum = digits.Select((c, i) => (c - '0') * (i % 2 == 0 ? 1 : 3)).Sum();
        return digits + (char)('0' + (10 - sum % 10) % 10);
    }
}
