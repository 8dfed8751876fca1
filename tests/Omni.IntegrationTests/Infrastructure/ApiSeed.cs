using System.Net;
using System.Text.Json;

namespace Omni.IntegrationTests.Infrastructure;

/// <summary>Builds test networks through the public API, the way an integrator would.</summary>
public static class ApiSeed
{
    public static readonly string[] AllCapabilities = ["ship", "pickup", "curbside", "returns", "shipToStore"];

    public static Task<string> Location(HttpClient client, string prefix, string type = "store", double lat = 48.8566, double lon = 2.3522, string[]? capabilities = null) =>
        LocationWithCode(client, OmniFactory.Unique(prefix), type, lat, lon, capabilities);

    public static async Task<string> LocationWithCode(HttpClient client, string code, string type = "store", double lat = 48.8566, double lon = 2.3522, string[]? capabilities = null,
        int? pickupHoldDays = null)
    {
        var response = await client.PostJson("/api/v1/locations", new
        {
            code, name = $"Test {code}", type,
            address = new { line1 = "1 Rue de Test", city = "Paris", postalCode = "75001", country = "FR" },
            latitude = lat, longitude = lon, timeZone = "Europe/Paris",
            capabilities = capabilities ?? AllCapabilities, dailyOrderCapacity = 500, pickupHoldDays,
        });
        await response.Json(HttpStatusCode.Created);
        return code;
    }

    public static async Task<string> Product(HttpClient client, decimal price = 19.99m, string currency = "EUR")
    {
        var sku = OmniFactory.Unique("SKU");
        var response = await client.PostJson("/api/v1/products", new
        {
            code = OmniFactory.Unique("PRD"), name = $"Product {sku}", brand = "Omni", category = "test/items",
            variants = new[] { new { sku, gtin = Gtin(), name = "default", attributes = new Dictionary<string, string>(), price = new { amount = price, currency } } },
        });
        await response.Json(HttpStatusCode.Created);
        return sku;
    }

    public static async Task Stock(HttpClient client, string location, string sku, int onHand, int? safetyStock = null)
    {
        var response = await client.PutJson($"/api/v1/inventory/{location}/{sku}", new { onHand, safetyStock });
        await response.Json(HttpStatusCode.OK);
    }

    public static async Task<JsonElement> Position(HttpClient client, string location, string sku) =>
        await (await client.GetAsync($"/api/v1/inventory/{location}/{sku}")).Json(HttpStatusCode.OK);

    private static int _gtinCounter = Random.Shared.Next(1_000_000);

    /// <summary>A unique GTIN-13 with a correct check digit.</summary>
    public static string Gtin()
    {
        var body = $"2{Environment.ProcessId % 100:D2}{Interlocked.Increment(ref _gtinCounter):D9}"[..12];
        var sum = body.Select((c, i) => (c - '0') * (i % 2 == 0 ? 1 : 3)).Sum();
        return body + (char)('0' + (10 - sum % 10) % 10);
    }
}
