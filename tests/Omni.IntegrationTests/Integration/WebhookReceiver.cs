using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Omni.IntegrationTests.Integration;

/// <summary>
/// A real HTTP endpoint on a free local port, as an integrator would run: it records every request, checks its
/// signature with its own HMAC code, and answers with whatever status <see cref="Answer"/> says for the n-th request.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Received> _requests = new();
    private int _count;

    public sealed record Received(string Id, long Timestamp, string Signature, string Body, bool SignatureValid, JsonElement Json)
    {
        public string? OrderId => Json.GetProperty("data").TryGetProperty("orderId", out var id) ? id.GetString() : null;
    }

    /// <summary>The status for the n-th request (1-based); 200 by default.</summary>
    public Func<int, int> Answer { get; set; } = _ => 200;

    public string? Secret { get; set; }

    public string Url { get; private set; } = "";

    public IReadOnlyList<Received> Requests => [.. _requests];

    private WebhookReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Urls.Add("http://127.0.0.1:0");
        _app.MapPost("/hook", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var id = http.Request.Headers["webhook-id"].ToString();
            var timestamp = long.Parse(http.Request.Headers["webhook-timestamp"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
            var signature = http.Request.Headers["webhook-signature"].ToString();
            _requests.Enqueue(new Received(id, timestamp, signature, body, Verify(id, timestamp, body, signature), JsonDocument.Parse(body).RootElement.Clone()));
            return Results.StatusCode(Answer(Interlocked.Increment(ref _count)));
        });
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/hook";
        return receiver;
    }

    // Independent of Omni's code: a receiver following the Standard Webhooks spec, accepting any of the space-separated signatures.
    private bool Verify(string id, long timestamp, string body, string header)
    {
        if (Secret is null) return false;
        using var hmac = new HMACSHA256(Convert.FromBase64String(Secret["whsec_".Length..]));
        var expected = "v1," + Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
        return header.Split(' ').Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), Encoding.ASCII.GetBytes(expected)));
    }

    public async Task<List<Received>> WaitFor(Func<Received, bool> which, int count, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var matching = Requests.Where(which).ToList();
            if (matching.Count >= count) return matching;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The receiver got {matching.Count} of {count} expected requests ({_requests.Count} in all).");
            await Task.Delay(25);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
