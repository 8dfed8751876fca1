using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omni.Integration.Data;
using Omni.IntegrationTests.Infrastructure;
using static Omni.IntegrationTests.Orders.OrderRequests;

namespace Omni.IntegrationTests.Integration;

public abstract class WebhookTests(OmniFactory omni)
{
    private readonly HttpClient _api = omni.Admin();

    private async Task<(string Id, string Secret)> Subscribe(WebhookReceiver receiver, params string[] events)
    {
        var created = await (await _api.PostJson("/api/v1/webhooks", new { url = receiver.Url, events, description = "test" })).Json(HttpStatusCode.Created);
        receiver.Secret = created.GetProperty("secret").GetString();
        return (created.GetProperty("id").GetString()!, receiver.Secret!);
    }

    // Tests share the server: a finished test's subscription must not keep sending the next test's orders to a closed port.
    private async Task Unsubscribe(string id) => Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync($"/api/v1/webhooks/{id}")).StatusCode);

    private async Task<string> PlaceOrder()
    {
        var warehouse = await ApiSeed.Location(_api, "WH", "warehouse", 45.75, 4.85, ["ship"]);
        var sku = await ApiSeed.Product(_api, 9.99m);
        await ApiSeed.Stock(_api, warehouse, sku, 10);
        var order = await (await _api.PostJson("/api/v1/orders", Ship("web", (sku, 1)), Guid.NewGuid().ToString())).Json(HttpStatusCode.Created);
        return order.GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> WaitForDelivery(string webhookId, string status, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var page = await (await _api.GetAsync($"/api/v1/webhooks/{webhookId}/deliveries?status={status}")).Json(HttpStatusCode.OK);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            if (items.Count > 0) return Assert.Single(items);
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No {status} delivery for webhook {webhookId}.");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task A_subscriber_receives_a_placed_order_signed_the_Standard_Webhooks_way()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (webhookId, secret) = await Subscribe(receiver, "order.placed");
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Equal(24, Convert.FromBase64String(secret["whsec_".Length..]).Length);

        var orderId = await PlaceOrder();

        var request = Assert.Single(await receiver.WaitFor(r => r.OrderId == orderId, 1));
        Assert.True(request.SignatureValid, request.Signature);
        Assert.StartsWith("v1,", request.Signature, StringComparison.Ordinal);
        Assert.InRange(request.Timestamp, DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds());
        Assert.Equal("order.placed", request.Json.GetProperty("type").GetString());
        Assert.True(request.Json.GetProperty("timestamp").GetDateTime() > DateTime.UtcNow.AddMinutes(-5));
        Assert.StartsWith("OM", request.Json.GetProperty("data").GetProperty("number").GetString(), StringComparison.Ordinal);

        var delivery = await WaitForDelivery(webhookId, "delivered");
        Assert.Equal(request.Id, delivery.GetProperty("id").GetString());
        var attempt = Assert.Single(delivery.GetProperty("attemptLog").EnumerateArray());
        Assert.Equal(200, attempt.GetProperty("statusCode").GetInt32());
        Assert.True(attempt.GetProperty("succeeded").GetBoolean());

        var listed = await (await _api.GetAsync($"/api/v1/webhooks/{webhookId}")).Json(HttpStatusCode.OK);
        Assert.Equal("active", listed.GetProperty("status").GetString());
        Assert.False(listed.TryGetProperty("secret", out _));
        var all = await (await _api.GetAsync("/api/v1/webhooks")).Json(HttpStatusCode.OK);
        Assert.Contains(all.GetProperty("items").EnumerateArray(), w => w.GetProperty("id").GetString() == webhookId);
        await Unsubscribe(webhookId);
    }

    [Fact]
    public async Task Failed_attempts_are_retried_until_the_receiver_accepts_and_each_is_in_the_log()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = n => n <= 2 ? 500 : 200;
        var (webhookId, _) = await Subscribe(receiver, "order.*");

        var orderId = await PlaceOrder();

        var requests = await receiver.WaitFor(r => r.OrderId == orderId, 3);
        Assert.All(requests, r => Assert.True(r.SignatureValid));
        Assert.Single(requests.Select(r => r.Id).Distinct());
        var delivery = await WaitForDelivery(webhookId, "delivered");
        Assert.Equal(3, delivery.GetProperty("attempts").GetInt32());
        var log = delivery.GetProperty("attemptLog").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], log.Select(a => a.GetProperty("number").GetInt32()));
        Assert.Equal([500, 500, 200], log.Select(a => a.GetProperty("statusCode").GetInt32()));
        Assert.All(log.Take(2), a => Assert.False(string.IsNullOrEmpty(a.GetProperty("error").GetString())));
        // Backoff: the second retry waits longer than the first.
        var times = log.Select(a => a.GetProperty("attemptedAt").GetDateTime()).ToList();
        Assert.True(times[1] - times[0] >= TimeSpan.FromMilliseconds(90), $"{times[1] - times[0]}");
        Assert.True(times[2] - times[1] >= TimeSpan.FromMilliseconds(190), $"{times[2] - times[1]}");
        await Unsubscribe(webhookId);
    }

    [Fact]
    public async Task A_receiver_that_keeps_failing_is_dead_lettered_and_a_replay_delivers_once_it_recovers()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = _ => 503;
        var (webhookId, _) = await Subscribe(receiver, "order.placed");

        var orderId = await PlaceOrder();

        var dead = await WaitForDelivery(webhookId, "dead");
        Assert.Equal(WebhookSchedule.MaxAttempts, dead.GetProperty("attempts").GetInt32());
        Assert.Equal(503, dead.GetProperty("lastStatusCode").GetInt32());
        await Task.Delay(300);
        Assert.Equal(WebhookSchedule.MaxAttempts, receiver.Requests.Count(r => r.OrderId == orderId));

        receiver.Answer = _ => 204;
        var deliveryId = dead.GetProperty("id").GetString();
        var replayed = await (await _api.PostAsync($"/api/v1/webhooks/deliveries/{deliveryId}/replay", null)).Json(HttpStatusCode.Accepted);
        Assert.Equal("pending", replayed.GetProperty("status").GetString());

        var delivered = await WaitForDelivery(webhookId, "delivered");
        Assert.Equal(WebhookSchedule.MaxAttempts + 1, delivered.GetProperty("attempts").GetInt32());
        Assert.Equal(204, delivered.GetProperty("lastStatusCode").GetInt32());
        var requests = await receiver.WaitFor(r => r.OrderId == orderId, WebhookSchedule.MaxAttempts + 1);
        Assert.True(requests[^1].SignatureValid);
        await Unsubscribe(webhookId);
    }

    [Fact]
    public async Task Replaying_from_an_event_cursor_sends_those_events_again()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (webhookId, _) = await Subscribe(receiver, "order.placed");
        var orderId = await PlaceOrder();
        var delivery = await WaitForDelivery(webhookId, "delivered");
        var cursor = long.Parse(delivery.GetProperty("eventCursor").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        var replay = await (await _api.PostAsync($"/api/v1/webhooks/{webhookId}/replay?after={cursor - 1}", null)).Json(HttpStatusCode.Accepted);

        Assert.Equal(1, replay.GetProperty("queued").GetInt32());
        var requests = await receiver.WaitFor(r => r.OrderId == orderId, 2);
        Assert.All(requests, r => Assert.True(r.SignatureValid));
        await Unsubscribe(webhookId);
    }

    [Fact]
    public async Task A_delivery_a_crashed_node_left_in_flight_is_sent_again_when_its_lease_runs_out()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (webhookId, _) = await Subscribe(receiver, "order.placed");
        var orderId = await PlaceOrder();
        var deliveryId = Guid.Parse((await WaitForDelivery(webhookId, "delivered")).GetProperty("id").GetString()!);

        // As a node leaves it when it dies between claiming and recording the answer: in flight, lease still running.
        var leaseEnds = DateTime.UtcNow.AddMilliseconds(500);
        await omni.InScope(async services =>
        {
            var db = services.GetRequiredService<IntegrationDbContext>();
            var delivery = await db.WebhookDeliveries.SingleAsync(d => d.Id == deliveryId);
            delivery.Status = "in_flight";
            delivery.NextAttemptAt = leaseEnds;
            return await db.SaveChangesAsync();
        });

        var requests = await receiver.WaitFor(r => r.OrderId == orderId, 2);
        Assert.True(DateTime.UtcNow >= leaseEnds);
        Assert.Equal(requests[0].Id, requests[1].Id);
        var delivered = await WaitForDelivery(webhookId, "delivered");
        Assert.Equal(2, delivered.GetProperty("attempts").GetInt32());
        await Unsubscribe(webhookId);
    }

    [Fact]
    public async Task Two_nodes_deliver_each_event_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (webhookId, _) = await Subscribe(receiver, "order.placed");
        await using var second = omni.WithWebHostBuilder(_ => { });
        _ = second.Server;

        var warehouse = await ApiSeed.Location(_api, "WH", "warehouse", 45.75, 4.85, ["ship"]);
        var sku = await ApiSeed.Product(_api, 9.99m);
        await ApiSeed.Stock(_api, warehouse, sku, 100);
        var other = second.CreateClient(new WebApplicationFactoryClientOptions());
        other.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", OmniFactory.AdminKey);
        var orders = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
            (await (await (i % 2 == 0 ? _api : other).PostJson("/api/v1/orders", Ship("web", (sku, 1)))).Json(HttpStatusCode.Created)).GetProperty("id").GetString()));

        await receiver.WaitFor(r => orders.Contains(r.OrderId), 20);
        await Task.Delay(500);
        var received = receiver.Requests.Where(r => orders.Contains(r.OrderId)).ToList();
        Assert.Equal(20, received.Count);
        Assert.Equal(20, received.Select(r => r.OrderId).Distinct().Count());
        await Unsubscribe(webhookId);
    }

    [Theory]
    [InlineData("""{"url":"not a url","events":["order.placed"]}""", "url")]
    [InlineData("""{"url":"ftp://example.com/hook","events":["order.placed"]}""", "url")]
    [InlineData("""{"events":["order.placed"]}""", "url")]
    [InlineData("""{"url":"https://example.com/hook","events":["order.exploded"]}""", "events")]
    [InlineData("""{"url":"https://example.com/hook","events":[]}""", "events")]
    [InlineData("""{"url":"https://example.com/hook"}""", "events")]
    [InlineData("""{"url":"https://example.com/hook","events":["order.placed"],"secret":"plain"}""", "secret")]
    public async Task An_invalid_subscription_is_a_validation_problem(string body, string field)
    {
        var problem = await (await _api.SendRaw(HttpMethod.Post, "/api/v1/webhooks", body)).Problem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Only_admin_keys_manage_webhooks()
    {
        var key = (await (await _api.PostJson("/api/v1/api-keys", new { name = OmniFactory.Unique("orders key"), scopes = new[] { "orders" } })).Json(HttpStatusCode.Created)).GetProperty("key").GetString();
        var client = omni.ClientWithKey(key);

        await (await client.PostJson("/api/v1/webhooks", new { url = "https://example.com/hook", events = new[] { "order.placed" } })).Problem(HttpStatusCode.Forbidden, "forbidden");
        await (await client.GetAsync("/api/v1/webhooks")).Problem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task An_unknown_webhook_is_not_found()
    {
        await (await _api.GetAsync($"/api/v1/webhooks/{Guid.NewGuid()}")).Problem(HttpStatusCode.NotFound, "not_found");
        await (await _api.PostAsync($"/api/v1/webhooks/deliveries/{Guid.NewGuid()}/replay", null)).Problem(HttpStatusCode.NotFound, "not_found");
    }
}

public sealed class WebhookTests_Sqlite(WebhookSqliteOmni omni) : WebhookTests(omni), IClassFixture<WebhookSqliteOmni>;

public sealed class WebhookTests_Postgres(WebhookPostgresOmni omni) : WebhookTests(omni), IClassFixture<WebhookPostgresOmni>;
