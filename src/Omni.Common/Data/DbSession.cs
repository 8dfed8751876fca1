using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Omni.Common.Data;

/// <summary>
/// The request's one database connection, shared by every module's DbContext. An operation that must be atomic
/// across modules (place an order and reserve its stock) begins one transaction here and every context takes part.
/// </summary>
public sealed class DbSession(DatabaseOptions options, NpgsqlDataSource? postgres) : IAsyncDisposable
{
    private readonly List<DbContext> _contexts = [];
    private readonly List<Action> _afterCommit = [];
    private DbConnection? _connection;
    private SemaphoreSlim? _gate;

    public DatabaseProvider Provider => options.Provider;

    public DbConnection Connection => _connection ??= options.Provider switch
    {
        DatabaseProvider.Postgres => postgres!.CreateConnection(),
        _ => SqliteConnections.Create(options.ConnectionString),
    };

    public DbTransaction? Transaction { get; private set; }

    internal void Enlist(DbContext context)
    {
        _contexts.Add(context);
        if (Transaction is not null) context.Database.UseTransaction(Transaction);
    }

    /// <summary>
    /// Begins the request's transaction. On SQLite it is BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default), which takes
    /// the write lock up front: a deferred transaction that upgrades later can fail with SQLITE_BUSY without waiting.
    /// </summary>
    public async Task BeginAsync(CancellationToken ct, IsolationLevel isolation = IsolationLevel.ReadCommitted)
    {
        if (Transaction is not null) throw new InvalidOperationException("A transaction is already open in this request.");
        if (Connection.State != ConnectionState.Open) await Connection.OpenAsync(ct);
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            // SQLite admits one writer; the others spin in its busy handler, sleeping between retries, which gives
            // long, unfair tails under load. Queue this process's writers on an async gate instead (other processes on
            // the same file still meet the busy handler).
            _gate = SqliteWriteGates.For(options.ConnectionString);
            await _gate.WaitAsync(ct);
            try { Transaction = ((SqliteConnection)Connection).BeginTransaction(deferred: false); }
            catch
            {
                ReleaseGate();
                throw;
            }
        }
        else Transaction = await Connection.BeginTransactionAsync(isolation, ct);
        foreach (var context in _contexts) context.Database.UseTransaction(Transaction);
    }

    private void ReleaseGate()
    {
        _gate?.Release();
        _gate = null;
    }

    /// <summary>Runs <paramref name="work"/> in one transaction: committed when it returns, rolled back when it throws.</summary>
    public async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        await BeginAsync(ct);
        try
        {
            var result = await work();
            await CommitAsync(ct);
            return result;
        }
        catch
        {
            await RollbackAsync();
            throw;
        }
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        var transaction = Transaction ?? throw new InvalidOperationException("No transaction is open.");
        await transaction.CommitAsync(ct);
        await EndAsync(clearTracking: false);
        foreach (var action in _afterCommit) action();
        _afterCommit.Clear();
    }

    /// <summary>
    /// Runs <paramref name="action"/> once the current transaction commits (at once when none is open: the change is
    /// already committed); forgotten on rollback. For in-memory views that must never show what did not commit.
    /// </summary>
    public void OnCommitted(Action action)
    {
        if (Transaction is null) action();
        else _afterCommit.Add(action);
    }

    public async Task RollbackAsync()
    {
        if (Transaction is null) return;
        _afterCommit.Clear();
        try { await Transaction.RollbackAsync(CancellationToken.None); }
        finally { await EndAsync(clearTracking: true); }
    }

    // After a rollback the tracked entities describe writes that never happened: forget them.
    private async Task EndAsync(bool clearTracking)
    {
        var transaction = Transaction!;
        Transaction = null;
        foreach (var context in _contexts)
        {
            context.Database.UseTransaction(null);
            if (clearTracking) context.ChangeTracker.Clear();
        }
        try { await transaction.DisposeAsync(); }
        finally { ReleaseGate(); }
    }

    public async ValueTask DisposeAsync()
    {
        if (Transaction is not null) await RollbackAsync();
        if (_connection is not null) await _connection.DisposeAsync();
    }
}

internal static class SqliteWriteGates
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static SemaphoreSlim For(string connectionString) => Gates.GetOrAdd(connectionString, _ => new SemaphoreSlim(1, 1));
}

internal static class SqliteConnections
{
    // Pooled connections keep their native handle across Open/Close; configure each handle once rather than on every
    // open (EF opens and closes the connection around every query).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Configured = [];

    public static SqliteConnection Create(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.StateChange += (sender, e) =>
        {
            if (e.CurrentState != ConnectionState.Open) return;
            var opened = (SqliteConnection)sender;
            if (opened.Handle is not { } handle || Configured.TryGetValue(handle, out _)) return;
            using var pragma = opened.CreateCommand();
            // WAL is a property of the file (set once at start); synchronous=NORMAL is per connection and is the
            // documented safe pairing with WAL: durable against crashes of the process, fast enough for many writers.
            pragma.CommandText = "PRAGMA synchronous = NORMAL;";
            pragma.ExecuteNonQuery();
            Configured.AddOrUpdate(handle, handle);
        };
        return connection;
    }
}
