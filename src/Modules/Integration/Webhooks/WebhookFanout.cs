using Omni.Common.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omni.Common.Data;
using Omni.Integration.Data;

namespace Omni.Integration.Webhooks;

/// <summary>
/// Follows the events table by position (commit order) and writes one delivery per subscription that wants each event.
/// The cursor moves in the same transaction as the deliveries it covers, so a crash repeats nothing and loses nothing.
/// Every node runs this; on PostgreSQL an advisory lock lets one node at a time fan out, on SQLite writers are serialized.
/// </summary>
internal sealed class WebhookFanout(IServiceScopeFactory scopes, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookFanout> logger) : BackgroundService
{
    private const int BatchSize = 500;

    // "omniwhks": one constant lock for the whole cluster; also taken when a subscription is created.
    internal const long AdvisoryLock = 0x6F6D6E6977686B73;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PollingLoop.RunAsync(async ct => await RunOnceAsync(ct) == BatchSize, options.Value.PollInterval, logger, "Webhook fan-out failed", clock, stoppingToken);

    /// <summary>Fans out one batch; returns how many events it read.</summary>
    internal async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        // Idle ticks stay reads: on SQLite a write transaction every tick would queue behind (and delay) real writers.
        var seen = await db.WebhookCursors.AsNoTracking().Where(c => c.Name == WebhookCursor.Fanout).Select(c => c.Position).SingleAsync(ct);
        if ((await db.Outbox.MaxAsync(e => e.Position, ct) ?? 0) <= seen) return 0;

        return await session.InTransactionAsync(async () =>
        {
            if (!await TryLockAsync(db, session, wait: false, ct)) return 0;
            var cursor = await db.WebhookCursors.SingleAsync(c => c.Name == WebhookCursor.Fanout, ct);
            var subscriptions = await db.WebhookSubscriptions.Where(s => s.DisabledAt == null).ToListAsync(ct);
            if (subscriptions.Count == 0)
            {
                // Nobody listens: skip ahead instead of walking the whole history when the first subscription arrives.
                cursor.Position = await db.Outbox.MaxAsync(e => e.Position, ct) ?? cursor.Position;
                await db.SaveChangesAsync(ct);
                return 0;
            }

            var events = await db.Outbox.AsNoTracking()
                .Where(e => e.Position > cursor.Position).OrderBy(e => e.Position).Take(BatchSize)
                .Select(e => new { e.Id, e.Type, Position = e.Position!.Value })
                .ToListAsync(ct);
            if (events.Count == 0) return 0;

            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var e in events)
                foreach (var subscription in subscriptions)
                    if (e.Position > subscription.StartPosition && subscription.Wants(e.Type))
                        db.WebhookDeliveries.Add(new WebhookDelivery
                        {
                            SubscriptionId = subscription.Id, EventId = e.Id, EventPosition = e.Position, EventType = e.Type,
                            NextAttemptAt = now, CreatedAt = now,
                        });
            cursor.Position = events[^1].Position;
            await db.SaveChangesAsync(ct);
            return events.Count;
        }, ct);
    }

    /// <summary>The cluster-wide fan-out lock for the current transaction; SQLite's write transaction already is one.</summary>
    internal static async Task<bool> TryLockAsync(IntegrationDbContext db, DbSession session, bool wait, CancellationToken ct)
    {
        if (session.Provider != DatabaseProvider.Postgres) return true;
        var sql = wait ? $"SELECT pg_advisory_xact_lock({AdvisoryLock}) IS NOT NULL" : $"SELECT pg_try_advisory_xact_lock({AdvisoryLock})";
        await using var command = await db.Database.CommandAsync(sql, ct);
        return await command.ExecuteScalarAsync(ct) is true;
    }
}
