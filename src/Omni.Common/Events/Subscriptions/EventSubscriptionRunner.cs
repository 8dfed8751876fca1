using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omni.Common.Data;
using Omni.Common.Hosting;

namespace Omni.Common.Events.Subscriptions;

/// <summary>
/// Feeds every registered <see cref="IEventSubscriber"/> from the events table by position (commit order). Each batch is
/// handled in one transaction that also moves the subscriber's cursor, so nothing is lost or applied twice by a crash.
/// Every node runs this: on PostgreSQL the cursor row is locked with SKIP LOCKED, so one node at a time serves a
/// subscriber; on SQLite writers are serialized anyway. A batch that fails is retried event by event, so one bad event
/// cannot hold back the ones before it; after <see cref="EventSubscriptionOptions.MaxAttempts"/> tries it is recorded in
/// <c>event_subscription_failures</c> and the subscriber moves on — a subscriber stuck forever would stop its module.
/// </summary>
internal sealed class EventSubscriptionRunner(IServiceScopeFactory scopes, IEnumerable<EventSubscriberRegistration> registrations,
    IOptions<EventSubscriptionOptions> options, TimeProvider clock, ILogger<EventSubscriptionRunner> logger) : BackgroundService
{
    private const int BatchSize = 200;
    private readonly EventSubscriberRegistration[] _subscribers = [.. registrations];
    private readonly ConcurrentDictionary<string, Retry> _retries = new();

    private sealed record Retry(Guid EventId, int Attempts, DateTime NotBefore);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PollingLoop.RunAsync(async ct =>
        {
            var busy = false;
            foreach (var subscriber in _subscribers) busy |= await RunOnceAsync(subscriber, ct) == BatchSize;
            return busy;
        }, options.Value.PollInterval, logger, "Delivering events to subscribers failed", clock, stoppingToken);

    /// <summary>Delivers one batch to <paramref name="subscriber"/>; returns how many events it handled.</summary>
    internal async Task<int> RunOnceAsync(EventSubscriberRegistration subscriber, CancellationToken ct)
    {
        if (_retries.TryGetValue(subscriber.Name, out var retry) && retry.NotBefore > clock.GetUtcNow().UtcDateTime) return 0;

        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        var handler = (IEventSubscriber)scope.ServiceProvider.GetRequiredService(subscriber.Handler);
        await session.Connection.OpenAsync(ct);

        // Idle ticks stay reads: on SQLite a write every tick would queue behind (and delay) real writers.
        var cursor = await CursorAsync(session, subscriber.Name, ct);
        var head = await ScalarAsync(session, "SELECT COALESCE(MAX(position), 0) FROM events", ct) ?? 0;
        if (head <= cursor) return 0;

        var events = await PendingAsync(session, handler.EventTypes, cursor, head, ct);
        // Nothing wanted up to the head: move past the unrelated events so the next scan starts there.
        var through = events.Count == BatchSize ? events[^1].Position : head;
        try
        {
            return await HandleAsync(session, handler, subscriber.Name, cursor, events, through, ct);
        }
        catch (Exception e) when (events.Count > 0 && e is not OperationCanceledException)
        {
            return await IsolateAsync(subscriber, cursor, events, e, ct);
        }
    }

    private static async Task<int> HandleAsync(DbSession session, IEventSubscriber handler, string name, long cursor,
        IReadOnlyList<StoredEvent> events, long through, CancellationToken ct) =>
        await session.InTransactionAsync(async () =>
        {
            if (await LockAsync(session, name, ct) != cursor) return 0; // another node moved it meanwhile (or holds it)
            foreach (var e in events) await handler.HandleAsync(e, ct);
            await MoveAsync(session, name, through, ct);
            return events.Count;
        }, ct);

    /// <summary>The batch failed: hand its events over one per transaction until the failing one, then count the attempt.</summary>
    private async Task<int> IsolateAsync(EventSubscriberRegistration subscriber, long cursor, IReadOnlyList<StoredEvent> events,
        Exception batchFailure, CancellationToken ct)
    {
        var handled = 0;
        foreach (var e in events)
        {
            await using var scope = scopes.CreateAsyncScope();
            var session = scope.ServiceProvider.GetRequiredService<DbSession>();
            var handler = (IEventSubscriber)scope.ServiceProvider.GetRequiredService(subscriber.Handler);
            try
            {
                if (await HandleAsync(session, handler, subscriber.Name, cursor, [e], e.Position, ct) == 0) return handled;
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                await FailedAsync(subscriber.Name, cursor, e, failure, ct);
                return handled;
            }
            cursor = e.Position;
            handled++;
            _retries.TryRemove(subscriber.Name, out _);
        }
        // Every event passed on its own: the batch failed on something transient (a deadlock, a lost race).
        if (logger.IsEnabled(LogLevel.Information))
            logger.LogInformation(batchFailure, "Subscriber {Subscriber} recovered after a failed batch", subscriber.Name);
        return handled;
    }

    private async Task FailedAsync(string name, long cursor, StoredEvent e, Exception failure, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var attempts = _retries.TryGetValue(name, out var previous) && previous.EventId == e.Id ? previous.Attempts + 1 : 1;
        if (attempts < options.Value.MaxAttempts)
        {
            // 0.2 s, 0.4 s, 0.8 s …: time for a restarted database or a released lock, without stalling the subscriber for long.
            _retries[name] = new Retry(e.Id, attempts, now + TimeSpan.FromMilliseconds(200 * (1 << (attempts - 1))));
            logger.LogWarning(failure, "Subscriber {Subscriber} failed on event {EventId} ({Type}), attempt {Attempt}", name, e.Id, e.Type, attempts);
            return;
        }

        logger.LogError(failure, "Subscriber {Subscriber} gave up on event {EventId} ({Type}) after {Attempts} attempts", name, e.Id, e.Type, attempts);
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        await session.InTransactionAsync(async () =>
        {
            if (await LockAsync(session, name, ct) != cursor) return 0;
            await ExecuteAsync(session,
                "INSERT INTO event_subscription_failures (subscriber, event_id, position, error, failed_at) VALUES (@s, @e, @p, @m, @t)", ct,
                ("@s", name), ("@e", e.Id.ToString()), ("@p", e.Position), ("@m", Truncate(failure.ToString(), 4000)), ("@t", now));
            await MoveAsync(session, name, e.Position, ct);
            return 1;
        }, ct);
        _retries.TryRemove(name, out _);
    }

    private static async Task<long> CursorAsync(DbSession session, string name, CancellationToken ct)
    {
        var current = await ScalarAsync(session, "SELECT position FROM event_subscriptions WHERE name = @n", ct, ("@n", name));
        if (current is { } known) return known;
        await ExecuteAsync(session, "INSERT INTO event_subscriptions (name, position) VALUES (@n, 0) ON CONFLICT (name) DO NOTHING", ct, ("@n", name));
        return 0;
    }

    private static Task<long?> LockAsync(DbSession session, string name, CancellationToken ct) =>
        ScalarAsync(session, session.Provider == DatabaseProvider.Postgres
            ? "SELECT position FROM event_subscriptions WHERE name = @n FOR UPDATE SKIP LOCKED"
            : "SELECT position FROM event_subscriptions WHERE name = @n", ct, ("@n", name));

    private static Task MoveAsync(DbSession session, string name, long position, CancellationToken ct) =>
        ExecuteAsync(session, "UPDATE event_subscriptions SET position = @p WHERE name = @n", ct, ("@p", position), ("@n", name));

    private static async Task<IReadOnlyList<StoredEvent>> PendingAsync(DbSession session, IReadOnlyCollection<string> types, long after,
        long head, CancellationToken ct)
    {
        if (types.Count == 0) return [];
        var names = types.Select((_, i) => $"@t{i}").ToList();
        await using var command = Command(session,
            $"SELECT id, type, occurred_at, position, data FROM events WHERE position > @after AND position <= @head AND type IN ({string.Join(", ", names)}) ORDER BY position LIMIT {BatchSize}",
            [("@after", after), ("@head", head), .. types.Select((t, i) => (names[i], (object?)t))]);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var events = new List<StoredEvent>();
        while (await reader.ReadAsync(ct))
            events.Add(new StoredEvent(reader.GetGuid(0), reader.GetString(1), DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc),
                reader.GetInt64(3), reader.GetString(4)));
        return events;
    }

    private static async Task<long?> ScalarAsync(DbSession session, string sql, CancellationToken ct, params (string, object?)[] parameters)
    {
        await using var command = Command(session, sql, parameters);
        var value = await command.ExecuteScalarAsync(ct);
        return value is null or DBNull ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(DbSession session, string sql, CancellationToken ct, params (string, object?)[] parameters)
    {
        await using var command = Command(session, sql, parameters);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static DbCommand Command(DbSession session, string sql, IEnumerable<(string Name, object? Value)> parameters)
    {
        var command = session.Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = session.Transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
