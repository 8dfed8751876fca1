using System.Net;
using Omni.IntegrationTests.Infrastructure;

namespace Omni.IntegrationTests.Pricing;

/// <summary>Whatever a client sends to the pricing endpoints is answered with a 400 problem, never a 500.</summary>
public abstract class PricingBadInputTests(OmniFactory omni)
{
    private readonly HttpClient _client = omni.Admin();

    public static TheoryData<string, string, string> Cases() => new()
    {
        { "POST", "/api/v1/pricing/quote", "null" },
        { "POST", "/api/v1/pricing/quote", "{" },
        { "POST", "/api/v1/pricing/quote", """{"channel": "web", "lines": [null]}""" },
        { "POST", "/api/v1/pricing/quote", """{"channel": "web", "lines": []}""" },
        { "POST", "/api/v1/pricing/quote", """{"channel": 3, "lines": [{"sku": "A", "quantity": 1}]}""" },
        { "POST", "/api/v1/pricing/quote", """{"channel": "web", "lines": [{"sku": "A", "quantity": "one"}]}""" },
        { "POST", "/api/v1/pricing/quote", """{"channel": "web", "locationCode": "bad code!", "lines": [{"sku": "A", "quantity": 1}]}""" },
        { "POST", "/api/v1/pricing/promotions", "null" },
        { "POST", "/api/v1/pricing/promotions", """{"code": "X", "name": "x", "kind": "tenOff", "target": {"type": "cart"}}""" },
        { "POST", "/api/v1/pricing/promotions", """{"code": "X", "name": "x", "kind": "percentOff", "target": {"type": "sku", "values": [null]}, "percent": 10}""" },
        { "POST", "/api/v1/pricing/promotions", """{"code": "X", "name": "x", "kind": "percentOff", "target": {"type": "cart"}, "percent": 1e40}""" },
        { "POST", "/api/v1/pricing/promotions", """{"code": "X", "name": "x", "kind": "percentOff", "target": {"type": "cart"}, "percent": 10.001}""" },
        { "POST", "/api/v1/pricing/promotions", """{"code": "X", "name": "x", "kind": "amountOff", "target": {"type": "cart"}, "amount": {"amount": 1, "currency": "XXX"}}""" },
        { "POST", "/api/v1/pricing/promotions", """{"code": "X", "name": "x", "kind": "buyXGetY", "target": {"type": "cart"}, "buyQuantity": 0, "getQuantity": -1}""" },
        { "POST", "/api/v1/pricing/promotions", """{"code": "X", "name": "x", "kind": "spendThreshold", "target": {"type": "cart"}, "threshold": {"amount": 50, "currency": "EUR"}}""" },
        { "POST", "/api/v1/pricing/promotions", """{"code": "X", "name": "x", "kind": "percentOff", "target": {"type": "cart"}, "percent": 10, "channels": ["tv"], "locations": [null], "loyaltyTiers": [null]}""" },
        { "PUT", "/api/v1/pricing/promotions/0196a000-0000-7000-8000-000000000000", "null" },
        { "POST", "/api/v1/pricing/exceptions", "null" },
        { "POST", "/api/v1/pricing/exceptions", """{"sku": "A", "channel": "tv", "price": {"amount": -1, "currency": "EUR"}}""" },
        { "GET", "/api/v1/pricing/promotions?limit=0", "" },
        { "GET", "/api/v1/pricing/promotions?after=%%%", "" },
        { "POST", "/api/v1/pricing/quote", """{"channel": "web", "lines": [{"sku": "A", "quantity": 1}], "coupons": [null, ""], "email": "nope", "country": "XX"}""" },
        { "POST", "/api/v1/pricing/coupons", "null" },
        { "POST", "/api/v1/pricing/coupons", """{"name": "x", "kind": "shared"}""" },
        { "POST", "/api/v1/pricing/coupons", """{"name": "x", "promotionId": "0196a000-0000-7000-8000-000000000000", "kind": "shared", "code": "bad code!", "maxUses": 0}""" },
        { "POST", "/api/v1/pricing/coupons", """{"name": "x", "promotionId": "0196a000-0000-7000-8000-000000000000", "kind": "unique", "count": 0}""" },
        { "POST", "/api/v1/pricing/coupons", """{"name": "x", "promotionId": "0196a000-0000-7000-8000-000000000000", "kind": "unique", "count": 2, "recipients": [{"email": "a@example.com"}]}""" },
        { "POST", "/api/v1/pricing/coupons", """{"name": "x", "promotionId": "0196a000-0000-7000-8000-000000000000", "kind": "unique", "recipients": [{}, {"email": "not mail"}]}""" },
        { "POST", "/api/v1/pricing/coupons", """{"name": "x", "promotionId": "0196a000-0000-7000-8000-000000000000", "kind": "lottery"}""" },
        { "POST", "/api/v1/pricing/coupons", """{"name": "x", "promotionId": "0196a000-0000-7000-8000-000000000000", "kind": "shared", "code": "NOPROMO"}""" },
        { "GET", "/api/v1/pricing/coupons/over-limit?after=zzz", "" },
        { "GET", "/api/v1/pricing/coupons/over-limit?limit=0", "" },
        { "GET", "/api/v1/pricing/wallet", "" },
        { "GET", "/api/v1/pricing/wallet?email=not-mail", "" },
        { "PUT", "/api/v1/pricing/tax-rates/XX", """{"name": "VAT", "rate": 20, "inclusive": true}""" },
        { "PUT", "/api/v1/pricing/tax-rates/FR", "null" },
        { "PUT", "/api/v1/pricing/tax-rates/FR", """{"name": "VAT", "rate": 100, "inclusive": true}""" },
        { "PUT", "/api/v1/pricing/tax-rates/US/C%20A", """{"name": "Sales tax", "rate": 7.2555}""" },
        { "DELETE", "/api/v1/pricing/tax-rates/XX", "" },
        { "POST", "/api/v1/orders", """{"channel": "web", "lines": [{"sku": "A", "quantity": 1, "fulfillment": {"method": "ship"}}], "shippingAddress": {"line1": "x", "city": "Lyon", "postalCode": "69001", "country": "FR"}, "coupons": [null]}""" },
        { "POST", "/api/v1/orders", """{"channel": "web", "lines": [{"sku": "A", "quantity": 1, "fulfillment": {"method": "ship"}}], "shippingAddress": {"line1": "x", "city": "Lyon", "postalCode": "69001", "country": "FR"}, "coupons": ["A","B","C","D","E","F","G","H","I","J","K"]}""" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_is_a_400_problem(string method, string path, string body)
    {
        using var response = method is "GET" or "DELETE"
            ? await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path))
            : await _client.SendRaw(new HttpMethod(method), path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {path} {body}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class PricingBadInputTests_Sqlite(SqliteOmni omni) : PricingBadInputTests(omni), IClassFixture<SqliteOmni>;

public sealed class PricingBadInputTests_Postgres(PostgresOmni omni) : PricingBadInputTests(omni), IClassFixture<PostgresOmni>;
