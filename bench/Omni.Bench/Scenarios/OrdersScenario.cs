using Omni.Bench.Infrastructure;

namespace Omni.Bench.Scenarios;

/// <summary>
/// Order capture under load: 2-line orders of random SKUs, the first shipped to a random point in the
/// country, the second half the time picked up at a random pickup store. The client cannot know a store's
/// stock, so 409 insufficient_stock is an expected answer, counted apart from errors.
/// </summary>
internal static class OrdersScenario
{
    private static readonly string[] Channels = ["web", "app", "web", "callcenter"];

    public static async Task<int> RunAsync(BenchSettings settings, CancellationToken ct)
    {
        using var api = OmniApi.Create(settings, settings.Clients);
        var network = await Network.DiscoverAsync(api, allSkus: true, ct);

        var (tally, window) = await LoadRun.RunAsync("orders", settings, c => api.MeasureAsync(OmniApi.PlaceOrder(RandomOrder(network)), c), ct);

        new Report("orders", settings)
            .Add("clients", settings.Clients.ToString())
            .Add("catalog", $"{network.Skus.Count:N0} SKUs, {network.Locations.Count:N0} locations ({network.PickupStores.Count:N0} with pickup) in {network.Country}")
            .AddCounts(tally, window, "orders accepted", rejections: true)
            .AddLatencies(tally)
            .Write();
        return tally.Errors == 0 && tally.Ok > 0 ? 0 : 1;
    }

    private static PlaceOrderRequest RandomOrder(Network network)
    {
        var skus = network.RandomSkus(2);
        var lines = new List<OrderLineRequest>(skus.Length);
        for (var i = 0; i < skus.Length; i++)
        {
            var pickup = i == 1 && network.PickupStores.Count > 0 && Random.Shared.Next(2) == 0;
            var fulfillment = pickup
                ? new FulfillmentRequest("pickup", network.PickupStores[Random.Shared.Next(network.PickupStores.Count)].Code)
                : new FulfillmentRequest("ship");
            lines.Add(new OrderLineRequest(skus[i], 1, fulfillment));
        }
        return new PlaceOrderRequest(Channels[Random.Shared.Next(Channels.Length)], Network.RandomCustomer(), network.RandomShippingAddress(), lines);
    }
}
