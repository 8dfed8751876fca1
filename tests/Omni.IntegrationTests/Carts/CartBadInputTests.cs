using System.Net;
using System.Text;
using Omni.IntegrationTests.Infrastructure;

namespace Omni.IntegrationTests.Carts;

/// <summary>Whatever a client sends to the cart endpoints is a 400 problem that leaves the cart as it was — never a 500.</summary>
public abstract class CartBadInputTests(OmniFactory omni)
{
    private readonly HttpClient _api = omni.Admin();

    public static TheoryData<string, string, string> Cases() => new()
    {
        { "POST", "/lines", "null" },
        { "POST", "/lines", "{" },
        { "POST", "/lines", "[]" },
        { "POST", "/lines", """{"sku": 12, "quantity": 1}""" },
        { "POST", "/lines", """{"sku": "{SKU}", "quantity": "one"}""" },
        { "POST", "/lines", """{"sku": "{SKU}", "quantity": 1e12}""" },
        { "POST", "/lines", """{"sku": "{SKU}"}""" },
        { "POST", "/lines", """{"sku": "{SKU}", "quantity": 10001}""" },
        { "POST", "/lines", """{"sku": "{SKU}", "quantity": 1, "fulfillment": "teleport"}""" },
        { "POST", "/lines", """{"sku": "{SKU}", "quantity": 1, "fulfillment": 1}""" },
        { "POST", "/lines", """{"sku": "{SKU}", "quantity": 1, "fulfillment": "shipToStore"}""" },
        { "PATCH", "/lines/{SKU}", "null" },
        { "PATCH", "/lines/{SKU}", "{}" },
        { "PATCH", "/lines/{SKU}", """{"quantity": -1}""" },
        { "PATCH", "", "null" },
        { "PATCH", "", """{"couponCodes": [null]}""" },
        { "PATCH", "", """{"couponCodes": "WELCOME"}""" },
        { "PATCH", "", """{"couponCodes": ["A","B","C","D","E","F","G","H","I","J","K"]}""" },
        { "PATCH", "", """{"shippingDestination": {}}""" },
        { "PATCH", "", """{"shippingDestination": {"line1": "x", "city": "y", "postalCode": "1", "country": "FR", "latitude": 91, "longitude": 0}}""" },
        { "PATCH", "", """{"preferredStore": "bad code!"}""" },
        { "POST", "/assign", "null" },
        { "POST", "/assign", """{"customerId": "not-a-guid"}""" },
        { "POST", "/assign", """{"customerId": "00000000-0000-0000-0000-000000000000"}""" },
        { "POST", "/assign", """{"customerId": "0196a000-0000-7000-8000-000000000000", "deviceId": "{LONG}"}""" },
        { "POST", "/hold", """{"seconds": 3601}""" },
        { "POST", "/hold", """{"seconds": "soon"}""" },
        { "POST", "/checkout", """{"channel": "tv"}""" },
        { "POST", "/checkout", """{"expectedTotal": {"amount": 1, "currency": "XXX"}}""" },
        { "POST", "/checkout", """{"expectedTotal": {"amount": 1.001, "currency": "EUR"}}""" },
        { "POST", "/checkout", """{"customer": {"email": "x"}}""" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_is_a_400_problem_that_changes_nothing(string method, string path, string body)
    {
        var sku = await ApiSeed.Product(_api);
        var (device, id) = await CartClient.NewCart(_api);
        await device.Update(id, new { shippingDestination = new { line1 = "1 Rue X", city = "Paris", postalCode = "75001", country = "FR" } });
        var before = await device.Add(id, sku, 1);

        var request = new HttpRequestMessage(new HttpMethod(method), $"/api/v1/carts/{id}{path.Replace("{SKU}", sku, StringComparison.Ordinal)}")
        {
            Content = new StringContent(body.Replace("{SKU}", sku, StringComparison.Ordinal).Replace("{LONG}", new string('d', 101), StringComparison.Ordinal),
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Cart-Token", device.Token);
        using var response = await device.Http.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {path} {body}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var after = await device.Get(id);
        Assert.Equal(before.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
        Assert.Equal("active", after.GetProperty("status").GetString());
    }
}

public sealed class CartBadInputTests_Sqlite(SqliteOmni omni) : CartBadInputTests(omni), IClassFixture<SqliteOmni>;

public sealed class CartBadInputTests_Postgres(PostgresOmni omni) : CartBadInputTests(omni), IClassFixture<PostgresOmni>;
