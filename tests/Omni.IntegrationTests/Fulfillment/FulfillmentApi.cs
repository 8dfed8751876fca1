using System.Net;
using System.Text.Json;
using Omni.IntegrationTests.Infrastructure;
using Omni.IntegrationTests.Integration;

namespace Omni.IntegrationTests.Fulfillment;

/// <summary>The calls a store associate's app makes, as one test client sees them.</summary>
internal sealed class FulfillmentApi(HttpClient api)
{
    public async Task<JsonElement> PlaceOrder(object body) =>
        await (await api.PostJson("/api/v1/orders", body, Guid.NewGuid().ToString())).Json(HttpStatusCode.Created);

    public async Task<List<JsonElement>> OfOrder(JsonElement order) =>
        [.. (await (await api.GetAsync($"/api/v1/orders/{Id(order)}/fulfillments")).Json(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()];

    public async Task<JsonElement> Single(JsonElement order) => Assert.Single(await OfOrder(order));

    public async Task<JsonElement> Get(Guid id) => await (await api.GetAsync($"/api/v1/fulfillments/{id}")).Json(HttpStatusCode.OK);

    public Task<HttpResponseMessage> Send(Guid id, string action, object? body = null) =>
        api.PostJson($"/api/v1/fulfillments/{id}/{action}", body ?? new { });

    /// <summary>An action that must succeed; returns the fulfillment after it.</summary>
    public async Task<JsonElement> Do(Guid id, string action, object? body = null) => await (await Send(id, action, body)).Json(HttpStatusCode.OK);

    public async Task<JsonElement> Order(JsonElement order) => await (await api.GetAsync($"/api/v1/orders/{Id(order)}")).Json(HttpStatusCode.OK);

    /// <summary>Events of <paramref name="type"/> about one order, once the dispatcher has put them in the feed.</summary>
    public async Task<List<JsonElement>> Events(string type, JsonElement order, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var items = (await Feed.WaitFor(api, type, 0)).Select(e => e.GetProperty("data"))
                .Where(d => d.GetProperty("orderId").GetGuid() == Id(order)).ToList();
            if (items.Count >= count) return items;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{items.Count} of {count} {type} events for the order.");
            await Task.Delay(25);
        }
    }

    public async Task<(int OnHand, int Reserved)> Position(string location, string sku)
    {
        var position = await ApiSeed.Position(api, location, sku);
        return (position.GetProperty("onHand").GetInt32(), position.GetProperty("reserved").GetInt32());
    }

    public static Guid Id(JsonElement element) => element.GetProperty("id").GetGuid();

    public static string Status(JsonElement element) => element.GetProperty("status").GetString()!;

    public static Guid LineId(JsonElement order, int index = 0) => order.GetProperty("lines")[index].GetProperty("id").GetGuid();
}
