using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omni.Common.Data;
using Omni.Common.Hosting;
using Omni.Customers.Data;

namespace Omni.Customers.Interactions;

/// <summary>
/// Deletes interactions older than the retention period, in batches so no transaction holds the table for long. Every
/// node runs it; on PostgreSQL each batch first takes a transaction-level advisory lock, so one node deletes at a time
/// and the others skip the round (a delete is harmless to repeat anyway). SQLite serializes writers by itself.
/// </summary>
internal sealed class InteractionRetention(IServiceScopeFactory scopes, IOptions<CustomerOptions> options, TimeProvider clock,
    ILogger<InteractionRetention> logger) : BackgroundService
{
    private const int BatchSize = 5_000;

    // "omnicust": one constant lock for the whole cluster.
    private const long AdvisoryLock = 0x6F6D6E6963757374;

    private static readonly string Delete = $"""
        DELETE FROM {CustomersDbContext.InteractionsTable} WHERE id IN
            (SELECT id FROM {CustomersDbContext.InteractionsTable} WHERE occurred_at < @cutoff LIMIT {BatchSize})
        """;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PollingLoop.RunAsync(async ct => await PurgeBatchAsync(ct) == BatchSize, options.Value.PurgeInterval, logger,
            "Purging old interactions failed", clock, stoppingToken);

    /// <summary>Purges everything past retention; returns how many interactions were deleted.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        var total = 0;
        int deleted;
        do total += deleted = await PurgeBatchAsync(ct);
        while (deleted == BatchSize);
        return total;
    }

    private async Task<int> PurgeBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        var cutoff = clock.GetUtcNow().UtcDateTime - options.Value.InteractionRetention;
        return await session.InTransactionAsync(async () =>
        {
            if (session.Provider == DatabaseProvider.Postgres)
            {
                await using var lockCommand = session.Connection.CreateCommand();
                lockCommand.Transaction = session.Transaction;
                lockCommand.CommandText = $"SELECT pg_try_advisory_xact_lock({AdvisoryLock})";
                if (await lockCommand.ExecuteScalarAsync(ct) is not true) return 0;
            }
            await using var delete = session.Connection.CreateCommand();
            delete.Transaction = session.Transaction;
            delete.CommandText = Delete;
            var parameter = delete.CreateParameter();
            parameter.ParameterName = "@cutoff";
            parameter.Value = cutoff;
            delete.Parameters.Add(parameter);
            return await delete.ExecuteNonQueryAsync(ct);
        }, ct);
    }
}
