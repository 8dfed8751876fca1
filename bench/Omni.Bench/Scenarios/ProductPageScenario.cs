using System.Net;
using Omni.Bench.Infrastructure;

namespace Omni.Bench.Scenarios;

/// <summary>
/// The storefront's product page as browsers ask for it: <c>GET /p/{code}</c> over keep-alive connections, no API key,
/// HTML with gzip/brotli accepted, a random demo product each time, half of the shoppers with a "my store" cookie (which
/// adds their store's shelf and the nearby stores to the page). Any status but 200 is an error.
/// </summary>
internal static class ProductPageScenario
{
    private const string StoreCookie = "omni.store";
    private const long TargetP99Microseconds = 50_000;

    public static async Task<int> RunAsync(BenchSettings settings, CancellationToken ct)
    {
        using var api = OmniApi.Create(settings, 1);
        var products = (await api.GetAllAsync<ProductDto>("/api/v1/products", int.MaxValue, ct)).Select(p => p.Code).ToArray();
        if (products.Length == 0) throw new BenchException("the catalog has no products: start the server with --seed-demo on an empty database");
        var stores = (await api.GetAllAsync<LocationDto>("/api/v1/locations", int.MaxValue, ct))
            .Where(l => string.Equals(l.Type, "store", StringComparison.OrdinalIgnoreCase)).Select(l => l.Code).ToArray();
        if (stores.Length == 0) throw new BenchException("the network has no stores: start the server with --seed-demo on an empty database");

        using var browser = OmniApi.CreateBrowser(settings, settings.Clients);
        var (plain, compressed) = await SamplePageAsync(settings, products[0], stores[0], ct);

        var result = await LoadRun.RunAsync("product page", settings, c => browser.MeasureAsync(RandomPage(products, stores), c, only200: true), ct);
        var (tally, window) = result;
        var p99 = tally.Latencies.TotalCount == 0 ? long.MaxValue : tally.Latencies.GetValueAtPercentile(99);

        new Report("product page", settings)
            .Add("clients", settings.Clients.ToString())
            .Add("pages", $"{products.Length:N0} products; half of the requests with a my-store cookie (one of {stores.Length:N0} stores)")
            .Add("page size (with my store)", $"{plain:N0} bytes, {compressed:N0} compressed")
            .AddCounts(tally, window, "200 OK", rejections: false)
            .AddLatencies(tally)
            .AddCpu(result.Cpu, tally.Total)
            .Add("target", "p99 ≤ 50 ms")
            .Write();
        return tally.Errors == 0 && tally.Ok > 0 && p99 <= TargetP99Microseconds ? 0 : 1;
    }

    private static HttpRequestMessage RandomPage(string[] products, string[] stores)
    {
        var request = OmniApi.Get($"/p/{Uri.EscapeDataString(products[Random.Shared.Next(products.Length)])}");
        if (Random.Shared.Next(2) == 0) request.Headers.Add("Cookie", $"{StoreCookie}={stores[Random.Shared.Next(stores.Length)]}");
        return request;
    }

    /// <summary>One page before the run: that it is the product page, and how big it is with and without compression.</summary>
    private static async Task<(long Plain, long Compressed)> SamplePageAsync(BenchSettings settings, string product, string store, CancellationToken ct)
    {
        async Task<byte[]> Fetch(bool compressed)
        {
            using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = settings.Url };
            using var request = OmniApi.Get($"/p/{Uri.EscapeDataString(product)}");
            request.Headers.Add("Cookie", $"{StoreCookie}={store}");
            if (compressed) request.Headers.AcceptEncoding.ParseAdd("gzip, br");
            using var response = await http.SendAsync(request, ct);
            if (response.StatusCode != HttpStatusCode.OK) throw new BenchException($"GET /p/{product} answered {(int)response.StatusCode}");
            return await response.Content.ReadAsByteArrayAsync(ct);
        }

        var page = await Fetch(compressed: false);
        if (!System.Text.Encoding.UTF8.GetString(page).Contains("data-test=\"product-name\"", StringComparison.Ordinal))
            throw new BenchException($"GET /p/{product} did not answer the product page");
        return (page.Length, (await Fetch(compressed: true)).Length);
    }
}
