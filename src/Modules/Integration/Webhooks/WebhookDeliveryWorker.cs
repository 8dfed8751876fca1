using Omni.Common.Hosting;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omni.Common.Data;
using Omni.Integration.Data;

namespace Omni.Integration.Webhooks;

/// <summary>
/// Claims due deliveries, POSTs them signed, and records each attempt. A claim moves rows to <c>in_flight</c> with a
/// lease (their <c>next_attempt_at</c>), so rows a crashed node had claimed become due again when the lease runs out:
/// delivery is at least once. On PostgreSQL the claim skips rows another node is claiming (<c>FOR UPDATE SKIP LOCKED</c>);
/// on SQLite the one conditional UPDATE is atomic because the database has a single writer.
/// </summary>
internal sealed class WebhookDeliveryWorker(
    IServiceScopeFactory scopes, IHttpClientFactory http, IOptions<WebhookOptions> options, TimeProvider clock,
    ILogger<WebhookDeliveryWorker> logger) : BackgroundService
{
    public const string HttpClientName = "webhooks";

    private const string Due = $"status IN ('{DeliveryStatus.Pending}', '{DeliveryStatus.InFlight}') AND next_attempt_at <= @now";

    private const string ClaimPostgres = $"""
        UPDATE integration_webhook_deliveries AS d SET status = '{DeliveryStatus.InFlight}', next_attempt_at = @lease
        FROM (SELECT id FROM integration_webhook_deliveries WHERE {Due}
              ORDER BY next_attempt_at LIMIT @batch FOR UPDATE SKIP LOCKED) AS c
        WHERE d.id = c.id
        RETURNING d.id
        """;

    private const string ClaimSqlite = $"""
        UPDATE integration_webhook_deliveries SET status = '{DeliveryStatus.InFlight}', next_attempt_at = @lease
        WHERE id IN (SELECT id FROM integration_webhook_deliveries WHERE {Due} ORDER BY next_attempt_at LIMIT @batch)
        RETURNING id
        """;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PollingLoop.RunAsync(async ct => await RunOnceAsync(ct) > 0, options.Value.PollInterval, logger, "Webhook delivery failed", clock, stoppingToken);

    /// <summary>Claims one batch and delivers it; returns how many were claimed.</summary>
    internal async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var claimed = await ClaimAsync(ct);
        await Task.WhenAll(claimed.Select(id => DeliverAsync(id, ct)));
        return claimed.Count;
    }

    private async Task<List<Guid>> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = options.Value;
        await using var command = await db.Database.CommandAsync(
            session.Provider == DatabaseProvider.Postgres ? ClaimPostgres : ClaimSqlite, ct,
            ("@now", now), ("@lease", now + settings.Lease), ("@batch", settings.BatchSize));
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetGuid(0));
        return ids;
    }

    private async Task DeliverAsync(Guid deliveryId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        var delivery = await db.WebhookDeliveries.SingleAsync(d => d.Id == deliveryId, ct);
        var subscription = await db.WebhookSubscriptions.AsNoTracking().SingleAsync(s => s.Id == delivery.SubscriptionId, ct);
        var settings = options.Value;
        if (!subscription.IsActive)
        {
            delivery.Status = DeliveryStatus.Dead;
            delivery.LastError = "The subscription is disabled.";
            await db.SaveChangesAsync(ct);
            return;
        }
        var e = await db.Outbox.AsNoTracking().SingleAsync(x => x.Id == delivery.EventId, ct);

        var body = Payload(e.Type, e.OccurredAt, e.Data);
        var id = delivery.Id.ToString();
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(subscription.Secret, id, timestamp, body));

        int? status = null;
        string? error = null;
        var started = clock.GetUtcNow().UtcDateTime;
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode) error = $"The receiver answered {status}.";
        }
        catch (HttpRequestException x)
        {
            error = x.Message;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            error = $"No answer within {settings.RequestTimeout.TotalSeconds:0.#} s.";
        }
        watch.Stop();

        var succeeded = error is null;
        var now = clock.GetUtcNow().UtcDateTime;
        delivery.Attempts++;
        delivery.RoundAttempts++;
        delivery.LastStatusCode = status;
        delivery.LastError = error is { Length: > 1000 } ? error[..1000] : error;
        if (succeeded)
        {
            delivery.Status = DeliveryStatus.Delivered;
            delivery.DeliveredAt = now;
        }
        else if (delivery.RoundAttempts >= settings.MaxAttempts)
        {
            delivery.Status = DeliveryStatus.Dead;
        }
        else
        {
            delivery.Status = DeliveryStatus.Pending;
            delivery.NextAttemptAt = now + settings.DelayAfter(delivery.RoundAttempts);
        }
        var attempt = new WebhookAttempt
        {
            DeliveryId = delivery.Id, Number = delivery.Attempts, AttemptedAt = started,
            DurationMs = (int)Math.Min(int.MaxValue, watch.ElapsedMilliseconds),
            StatusCode = status, Error = delivery.LastError, Succeeded = succeeded,
        };
        db.WebhookAttempts.Add(attempt);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The lease ran out while sending and another node claimed the delivery: its outcome decides the status,
            // but the receiver did get this request, so the log keeps it.
            db.ChangeTracker.Clear();
            db.WebhookAttempts.Add(attempt);
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>The Standard Webhooks envelope: type, timestamp and the event's own JSON as data.</summary>
    internal static string Payload(string type, DateTime occurredAt, string data) =>
        $$"""{"type":{{JsonSerializer.Serialize(type)}},"timestamp":{{JsonSerializer.Serialize(occurredAt.ToUniversalTime())}},"data":{{data}}}""";
}
