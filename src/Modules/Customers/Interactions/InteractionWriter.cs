using System.Data;
using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using Omni.Common.Data;
using Omni.Customers.Data;
using Omni.Customers.Domain;

namespace Omni.Customers.Interactions;

/// <summary>
/// Writes a batch of interactions in bulk: tens of thousands arrive per second, far beyond what EF's change tracker
/// does. PostgreSQL takes them through binary COPY; SQLite through one prepared multi-row insert, reused for every
/// full chunk, in one transaction.
/// </summary>
internal sealed class InteractionWriter(DbSession session)
{
    private const string Columns = "id, device_id, customer_id, type, channel, occurred_at, received_at, payload";
    private const int ColumnCount = 8;
    // SQLite finds each named parameter by a linear scan of the statement's names, so binding costs grow with the square
    // of the parameters per statement: at 100 rows (800 parameters) a tenth of the server's CPU went to
    // strncmp (perf). 25 rows keep the statements few and the scan short.
    private const int SqliteRowsPerStatement = 25;

    public async Task WriteAsync(IReadOnlyList<Interaction> rows, CancellationToken ct)
    {
        if (session.Provider == DatabaseProvider.Postgres) await CopyAsync(rows, ct);
        else await InsertAsync(rows, ct);
    }

    private async Task CopyAsync(IReadOnlyList<Interaction> rows, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)session.Connection;
        if (connection.State != ConnectionState.Open) await connection.OpenAsync(ct);
        await using var copy = await connection.BeginBinaryImportAsync(
            $"COPY {CustomersDbContext.InteractionsTable} ({Columns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(row.Id, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(row.DeviceId, NpgsqlDbType.Varchar, ct);
            if (row.CustomerId is { } customer) await copy.WriteAsync(customer, NpgsqlDbType.Uuid, ct);
            else await copy.WriteNullAsync(ct);
            await copy.WriteAsync(row.Type, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(row.Channel, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(row.OccurredAt, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(row.ReceivedAt, NpgsqlDbType.TimestampTz, ct);
            if (row.Payload is { } payload) await copy.WriteAsync(payload, NpgsqlDbType.Text, ct);
            else await copy.WriteNullAsync(ct);
        }
        await copy.CompleteAsync(ct);
    }

    private Task<bool> InsertAsync(IReadOnlyList<Interaction> rows, CancellationToken ct) => session.InTransactionAsync(async () =>
    {
        DbCommand? full = null;
        try
        {
            var offset = 0;
            for (; offset + SqliteRowsPerStatement <= rows.Count; offset += SqliteRowsPerStatement)
            {
                full ??= await PrepareAsync(SqliteRowsPerStatement, ct);
                Bind(full, rows, offset, SqliteRowsPerStatement);
                await full.ExecuteNonQueryAsync(ct);
            }
            if (offset < rows.Count)
            {
                await using var rest = await PrepareAsync(rows.Count - offset, ct);
                Bind(rest, rows, offset, rows.Count - offset);
                await rest.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            if (full is not null) await full.DisposeAsync();
        }
        return true;
    }, ct);

    private async Task<DbCommand> PrepareAsync(int count, CancellationToken ct)
    {
        var command = session.Connection.CreateCommand();
        command.Transaction = session.Transaction;
        var values = Enumerable.Range(0, count).Select(r => "(" + string.Join(", ", Enumerable.Range(0, ColumnCount).Select(c => $"@p{r}_{c}")) + ")");
        command.CommandText = $"INSERT INTO {CustomersDbContext.InteractionsTable} ({Columns}) VALUES {string.Join(", ", values)}";
        for (var r = 0; r < count; r++)
            for (var c = 0; c < ColumnCount; c++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@p{r}_{c}";
                command.Parameters.Add(parameter);
            }
        await command.PrepareAsync(ct);
        return command;
    }

    // EF keeps GUIDs on SQLite as upper-case text; write them the same way so EF's queries find these rows.
    private static void Bind(DbCommand command, IReadOnlyList<Interaction> rows, int offset, int count)
    {
        for (var r = 0; r < count; r++)
        {
            var row = rows[offset + r];
            var p = r * ColumnCount;
            command.Parameters[p].Value = row.Id.ToString().ToUpperInvariant();
            command.Parameters[p + 1].Value = row.DeviceId;
            command.Parameters[p + 2].Value = row.CustomerId is { } customer ? customer.ToString().ToUpperInvariant() : DBNull.Value;
            command.Parameters[p + 3].Value = row.Type;
            command.Parameters[p + 4].Value = row.Channel;
            command.Parameters[p + 5].Value = row.OccurredAt;
            command.Parameters[p + 6].Value = row.ReceivedAt;
            command.Parameters[p + 7].Value = (object?)row.Payload ?? DBNull.Value;
        }
    }
}
