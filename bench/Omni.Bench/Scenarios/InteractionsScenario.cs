using System.Net.Http.Headers;
using System.Text.Json;
using Omni.Bench.Infrastructure;

namespace Omni.Bench.Scenarios;

/// <summary>
/// Browsing events from web and app in batches, the way a tag collector forwards them: how many interactions per
/// second the server stores. Bodies are built before the run so the client spends its CPU on sending, not on JSON.
/// </summary>
internal static class InteractionsScenario
{
    private const int DistinctBodies = 32;
    private static readonly string[] Types = ["product_viewed", "searched", "added_to_cart", "page_viewed", "store_visited"];
    private static readonly string[] Channels = ["web", "app", "store"];

    public static async Task<int> RunAsync(BenchSettings settings, int batch, CancellationToken ct)
    {
        if (batch is < 1 or > 1_000) throw new BenchException("--batch must be between 1 and 1000");
        using var api = OmniApi.Create(settings, settings.Clients);
        var bodies = Enumerable.Range(0, DistinctBodies).Select(_ => Body(batch)).ToArray();

        var (tally, window) = await LoadRun.RunAsync("interactions", settings,
            c => api.MeasureAsync(Request(bodies[Random.Shared.Next(bodies.Length)]), c), ct);

        new Report("interactions", settings)
            .Add("clients", settings.Clients.ToString())
            .Add("batch", $"{batch:N0} interactions per request")
            .AddCounts(tally, window, "batches stored", rejections: false)
            .Add("interactions stored", $"{tally.Ok * (long)batch:N0} ({tally.Ok * (double)batch / window.TotalSeconds:N0}/s)")
            .AddLatencies(tally)
            .Write();
        return tally.Errors == 0 && tally.Ok > 0 ? 0 : 1;
    }

    private static HttpRequestMessage Request(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/interactions", UriKind.Relative)) { Content = content };
    }

    private static byte[] Body(int batch)
    {
        var now = DateTime.UtcNow;
        var items = Enumerable.Range(0, batch).Select(i => new
        {
            type = Types[Random.Shared.Next(Types.Length)],
            deviceId = $"bench-device-{Random.Shared.Next(100_000)}",
            channel = Channels[Random.Shared.Next(Channels.Length)],
            occurredAt = now.AddSeconds(-Random.Shared.Next(3_600)),
            payload = new { sku = $"P{Random.Shared.Next(1, 1_100):D5}-GREY-M", position = i },
        });
        return JsonSerializer.SerializeToUtf8Bytes(new { items }, OmniApi.Json);
    }
}
