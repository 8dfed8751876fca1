using System.Globalization;
using Omni.Bench.Infrastructure;

namespace Omni.Bench.Scenarios;

/// <summary>The storefront's most frequent question: where can I get these 5 products near me?</summary>
internal static class AvailabilityScenario
{
    public static async Task<int> RunAsync(BenchSettings settings, CancellationToken ct)
    {
        using var api = OmniApi.Create(settings, settings.Clients);
        var network = await Network.DiscoverAsync(api, allSkus: true, ct);

        var (tally, window) = await LoadRun.RunAsync("availability", settings, c => api.MeasureAsync(OmniApi.Get(RandomQuery(network)), c), ct);

        new Report("availability", settings)
            .Add("clients", settings.Clients.ToString())
            .Add("catalog", $"{network.Skus.Count:N0} SKUs, {network.Locations.Count:N0} locations in {network.Country}")
            .AddCounts(tally, window, "answered", rejections: false)
            .AddLatencies(tally)
            .Write();
        return tally.Errors == 0 && tally.Ok > 0 ? 0 : 1;
    }

    private static string RandomQuery(Network network)
    {
        var skus = string.Join(',', network.RandomSkus(5).Select(Uri.EscapeDataString));
        var (latitude, longitude) = network.RandomPoint();
        return string.Create(CultureInfo.InvariantCulture, $"/api/v1/availability?skus={skus}&lat={latitude}&lon={longitude}");
    }
}
