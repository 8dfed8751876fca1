using Omni.Common.Hosting;
using System.Data.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Omni.Common.Data;

namespace Omni.Integration.Dispatching;

/// <summary>
/// Gives committed events their feed position. Modules insert events without one in their own transactions; only
/// here, after commit, do they get the next positions in id order. A reader paging by position therefore never skips
/// an event whose transaction committed late: it simply gets a later position than the events that beat it.
/// Every node runs this loop; on PostgreSQL an advisory lock per batch lets one node at a time assign positions,
/// on SQLite the database serializes writers anyway.
/// </summary>
internal sealed class EventDispatcher(IServiceScopeFactory scopes, EventHead head, ILogger<EventDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);
    private const int BatchSize = 500;

    // "omnievts": one constant lock for the whole cluster.
    private const long AdvisoryLock = 0x6F6D6E6965767473;

    private const string Probe =
        "SELECT (SELECT MAX(position) FROM events), EXISTS (SELECT 1 FROM events WHERE position IS NULL)";

    // One statement: the new positions continue from the highest ever assigned, in id order (ids are time-ordered).
    private static readonly string Assign = $"""
        UPDATE events AS e SET position = h.top + b.n
        FROM (SELECT id, row_number() OVER (ORDER BY id) AS n
              FROM (SELECT id FROM events WHERE position IS NULL ORDER BY id LIMIT {BatchSize}) AS pending) AS b,
             (SELECT COALESCE(MAX(position), 0) AS top FROM events) AS h
        WHERE e.id = b.id
        """;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PollingLoop.RunAsync(async ct => { await RunOnceAsync(ct); return false; }, Tick, logger, "Assigning event positions failed", TimeProvider.System, stoppingToken);

    /// <summary>Assigns positions until the backlog is empty and reports the head; one probe when there is nothing to do.</summary>
    internal async Task RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        await session.Connection.OpenAsync(ct);

        var (top, pending) = await ProbeAsync(session.Connection, ct);
        head.Advance(top);
        while (pending)
        {
            var assigned = await AssignBatchAsync(session, ct);
            (top, pending) = await ProbeAsync(session.Connection, ct);
            head.Advance(top);
            // Zero means another node holds the lock and is doing this work: it will report the head to us via the probe.
            if (assigned < BatchSize) break;
        }
    }

    private static async Task<(long Top, bool Pending)> ProbeAsync(DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Probe;
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var top = reader.IsDBNull(0) ? 0 : Convert.ToInt64(reader.GetValue(0));
        return (top, Convert.ToBoolean(reader.GetValue(1)));
    }

    private static async Task<int> AssignBatchAsync(DbSession session, CancellationToken ct)
    {
        await session.BeginAsync(ct);
        try
        {
            if (session.Provider == DatabaseProvider.Postgres)
            {
                await using var lockCommand = session.Connection.CreateCommand();
                lockCommand.Transaction = session.Transaction;
                lockCommand.CommandText = $"SELECT pg_try_advisory_xact_lock({AdvisoryLock})";
                if (await lockCommand.ExecuteScalarAsync(ct) is not true)
                {
                    await session.RollbackAsync();
                    return 0;
                }
            }
            await using var assign = session.Connection.CreateCommand();
            assign.Transaction = session.Transaction;
            assign.CommandText = Assign;
            var assigned = await assign.ExecuteNonQueryAsync(ct);
            await session.CommitAsync(ct);
            return assigned;
        }
        catch
        {
            await session.RollbackAsync();
            throw;
        }
    }
}
