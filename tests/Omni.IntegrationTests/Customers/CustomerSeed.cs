using System.Net;
using System.Text.Json;
using Omni.IntegrationTests.Infrastructure;

namespace Omni.IntegrationTests.Customers;

/// <summary>Shoppers and their purchases, made through the public API the way channels make them.</summary>
internal static class CustomerSeed
{
    public static string Email() => $"shopper-{Guid.NewGuid():N}@example.com";

    /// <summary>A French mobile number in E.164, unique enough for one test run.</summary>
    public static string Phone() => $"+336{Random.Shared.Next(10_000_000, 99_999_999)}";

    /// <summary>The same number the way a person types it: "+33 6 12 34 56 78".</summary>
    public static string Spaced(string e164) => $"{e164[..3]} {e164[3]} {e164[4..6]} {e164[6..8]} {e164[8..10]} {e164[10..]}";

    public static async Task<(string Store, string Sku)> Shop(HttpClient client)
    {
        var store = await ApiSeed.Location(client, "CUST");
        var sku = await ApiSeed.Product(client, 25.00m);
        await ApiSeed.Stock(client, store, sku, 100);
        return (store, sku);
    }

    public static async Task<JsonElement> WebOrder(HttpClient client, string sku, string? email, string? phone, string name = "Ana Test", string line1 = "5 place Bellecour") =>
        await (await client.PostJson("/api/v1/orders", new
        {
            channel = "web",
            customer = new { email, name, phone },
            shippingAddress = new { line1, city = "Lyon", postalCode = "69002", country = "FR", latitude = 45.7578, longitude = 4.8320 },
            lines = new[] { new { sku, quantity = 2, fulfillment = new { method = "ship" } } },
        })).Json(HttpStatusCode.Created);

    public static async Task<JsonElement> StoreSale(HttpClient client, string store, string sku, string? email, string? phone = null, decimal unitPrice = 12.50m) =>
        await (await client.PostJson($"/api/v1/stores/{store}/sales", new
        {
            lines = new[] { new { sku, quantity = 1, unitPrice = new { amount = unitPrice, currency = "EUR" } } },
            customer = new { email, phone },
        })).Json(HttpStatusCode.Created);

    public static async Task<Guid> Resolve(HttpClient client, object identities, HttpStatusCode expected = HttpStatusCode.Created) =>
        (await (await client.PostJson("/api/v1/customers", identities)).Json(expected)).GetProperty("customer").GetProperty("id").GetGuid();

    public static async Task<JsonElement> Get(HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/v1/customers/{id}")).Json(HttpStatusCode.OK);

    public static async Task<JsonElement> FindByEmail(HttpClient client, string email) =>
        (await (await client.GetAsync($"/api/v1/customers?email={Uri.EscapeDataString(email)}")).Json(HttpStatusCode.OK)).GetProperty("items");

    public static async Task Interactions(HttpClient client, params object[] items) =>
        await (await client.PostJson("/api/v1/interactions", new { items })).Json(HttpStatusCode.Accepted);

    public static object Viewed(string deviceId, string sku, DateTime at, Guid? customerId = null) =>
        new { type = "product_viewed", deviceId, customerId, channel = "web", occurredAt = at, payload = new { sku } };

    public static IEnumerable<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!);
}
