using System.Net.Http.Json;
using System.Text.Json;
using System.Net;
using Omni.IntegrationTests.Infrastructure;

namespace Omni.IntegrationTests.Carts;

/// <summary>One shopper's device (or a store's till): calls the cart API with the credentials that device holds.</summary>
internal sealed class CartClient(HttpClient http, string? token = null, Guid? customerId = null)
{
    public string? Token { get; } = token;

    public HttpClient Http => http;

    public static async Task<(CartClient Device, Guid CartId)> NewCart(HttpClient http, string? device = null, string channel = "web")
    {
        var created = await (await http.PostJson("/api/v1/carts", new { channel, deviceId = device })).Json(HttpStatusCode.Created);
        var cart = created.GetProperty("cart");
        return (new CartClient(http, created.GetProperty("token").GetString()), cart.GetProperty("id").GetGuid());
    }

    public CartClient AsCustomer(Guid customer) => new(http, Token, customer);

    public Task<HttpResponseMessage> Send(HttpMethod method, string url, object? body = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = JsonContent.Create(body, options: OmniFactory.Json);
        if (Token is not null) request.Headers.Add("Cart-Token", Token);
        if (customerId is { } id) request.Headers.Add("Customer-Id", id.ToString());
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return http.SendAsync(request);
    }

    /// <summary>Sends raw text as a line to add: for malformed bodies.</summary>
    public Task<HttpResponseMessage> SendRaw(Guid cart, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/carts/{cart}/lines") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        if (Token is not null) request.Headers.Add("Cart-Token", Token);
        return http.SendAsync(request);
    }

    public async Task<JsonElement> Get(Guid cart) => await (await Send(HttpMethod.Get, $"/api/v1/carts/{cart}")).Json(HttpStatusCode.OK);

    public async Task<JsonElement> Add(Guid cart, string sku, int quantity, string? fulfillment = null) =>
        await (await Send(HttpMethod.Post, $"/api/v1/carts/{cart}/lines", new { sku, quantity, fulfillment })).Json(HttpStatusCode.OK);

    public async Task<JsonElement> Update(Guid cart, object body) =>
        await (await Send(HttpMethod.Patch, $"/api/v1/carts/{cart}", body)).Json(HttpStatusCode.OK);

    public Task<HttpResponseMessage> Checkout(Guid cart, object? body = null, string? idempotencyKey = null) =>
        Send(HttpMethod.Post, $"/api/v1/carts/{cart}/checkout", body ?? new { }, idempotencyKey);

    public static Dictionary<string, int> Lines(JsonElement cart) =>
        cart.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("sku").GetString()!, l => l.GetProperty("quantity").GetInt32());
}
