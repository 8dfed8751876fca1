using System.Data.Common;
using Omni.Common.Data;
using Omni.Contracts.Inventory;

namespace Omni.Inventory.Data;

/// <summary>
/// The counters of a position change only through these statements. Each is one conditional update the database
/// applies atomically, so correctness never depends on what a server node believes it read a moment earlier.
/// Plain ADO on the request's connection: the order hot path pays no ORM overhead, and RETURNING gives the new levels
/// in the same round trip. The SQL is the common subset of SQLite (3.35+) and PostgreSQL.
/// </summary>
internal sealed class PositionSql(InventoryDbContext db, DatabaseOptions database, DbSession session, Stock.StockView view)
{
    private const string Columns = "location_code, sku, on_hand, reserved, safety_stock, version, unsellable";
    private const string Levels = $"RETURNING {Columns}";

    /// <summary>Promises <paramref name="quantity"/> units if they are available; null when they are not (or the position does not exist).</summary>
    public Task<StockLevel?> TryReserveAsync(string location, string sku, int quantity, DateTime at, CancellationToken ct) =>
        WriteAsync($"""
            UPDATE inventory_positions SET reserved = reserved + @q, version = version + 1, updated_at = @at
            WHERE location_code = @l AND sku = @s AND on_hand - reserved - safety_stock >= @q
            {Levels}
            """, ct, ("l", location), ("s", sku), ("q", quantity), ("at", at));

    public Task<StockLevel?> ReleaseAsync(string location, string sku, int quantity, DateTime at, CancellationToken ct) =>
        WriteAsync($"""
            UPDATE inventory_positions SET reserved = reserved - @q, version = version + 1, updated_at = @at
            WHERE location_code = @l AND sku = @s
            {Levels}
            """, ct, ("l", location), ("s", sku), ("q", quantity), ("at", at));

    /// <summary>Reserved units left the building: on hand and reserved fall together.</summary>
    public async Task<StockLevel> ConsumeAsync(string location, string sku, int quantity, DateTime at, CancellationToken ct) =>
        (await WriteAsync($"""
            UPDATE inventory_positions SET on_hand = on_hand - @q, reserved = reserved - @q, version = version + 1, updated_at = @at
            WHERE location_code = @l AND sku = @s
            {Levels}
            """, ct, ("l", location), ("s", sku), ("q", quantity), ("at", at)))!;

    /// <summary>Units arrived already promised: on hand and reserved rise together, creating the position when needed.</summary>
    public async Task<StockLevel> ReceiveReservedAsync(string location, string sku, int quantity, DateTime at, CancellationToken ct) =>
        (await WriteAsync($"""
            INSERT INTO inventory_positions (id, location_code, sku, on_hand, reserved, safety_stock, version, updated_at)
            VALUES (@id, @l, @s, @q, @q, 0, 1, @at)
            ON CONFLICT (location_code, sku) DO UPDATE SET on_hand = inventory_positions.on_hand + @q,
                reserved = inventory_positions.reserved + @q, version = inventory_positions.version + 1, updated_at = @at
            {Levels}
            """, ct, ("id", NewId()), ("l", location), ("s", sku), ("q", quantity), ("at", at)))!;

    /// <summary>Adds <paramref name="delta"/> to on hand, creating the position when it does not exist yet.</summary>
    public async Task<StockLevel> AddOnHandAsync(string location, string sku, int delta, DateTime at, CancellationToken ct) =>
        (await WriteAsync($"""
            INSERT INTO inventory_positions (id, location_code, sku, on_hand, reserved, safety_stock, version, updated_at)
            VALUES (@id, @l, @s, @d, 0, 0, 1, @at)
            ON CONFLICT (location_code, sku) DO UPDATE SET on_hand = inventory_positions.on_hand + @d, version = inventory_positions.version + 1, updated_at = @at
            {Levels}
            """, ct, ("id", NewId()), ("l", location), ("s", sku), ("d", delta), ("at", at)))!;

    /// <summary>Adds <paramref name="delta"/> to the unsellable units, creating the position when it does not exist yet; on hand is untouched.</summary>
    public async Task<StockLevel> AddUnsellableAsync(string location, string sku, int delta, DateTime at, CancellationToken ct) =>
        (await WriteAsync($"""
            INSERT INTO inventory_positions (id, location_code, sku, on_hand, reserved, safety_stock, unsellable, version, updated_at)
            VALUES (@id, @l, @s, 0, 0, 0, @d, 1, @at)
            ON CONFLICT (location_code, sku) DO UPDATE SET unsellable = inventory_positions.unsellable + @d, version = inventory_positions.version + 1, updated_at = @at
            {Levels}
            """, ct, ("id", NewId()), ("l", location), ("s", sku), ("d", delta), ("at", at)))!;

    /// <summary>Reads a position and, on PostgreSQL, locks it until the transaction ends (SQLite's write transaction already excludes other writers).</summary>
    public Task<StockLevel?> LockAsync(string location, string sku, CancellationToken ct) =>
        SingleAsync($"""
            SELECT {Columns} FROM inventory_positions
            WHERE location_code = @l AND sku = @s{ForUpdate}
            """, ct, ("l", location), ("s", sku));

    /// <summary>Reads and locks every position of a location: a snapshot reconciles against exactly what it locked.</summary>
    public async Task<Dictionary<string, StockLevel>> LockLocationAsync(string location, CancellationToken ct)
    {
        await using var command = await db.Database.CommandAsync($"""
            SELECT {Columns} FROM inventory_positions
            WHERE location_code = @l{ForUpdate}
            """, ct, ("l", location));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var levels = new Dictionary<string, StockLevel>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            var level = Read(reader);
            levels[level.Sku] = level;
        }
        return levels;
    }

    /// <summary>Creates the position with a first count; null when it already exists (then lock and set it instead).</summary>
    public Task<StockLevel?> TryCreateAsync(string location, string sku, int onHand, int? safetyStock, DateTime at, CancellationToken ct) =>
        WriteAsync($"""
            INSERT INTO inventory_positions (id, location_code, sku, on_hand, reserved, safety_stock, version, updated_at)
            VALUES (@id, @l, @s, @o, 0, COALESCE(@ss, 0), 1, @at)
            ON CONFLICT (location_code, sku) DO NOTHING
            {Levels}
            """, ct, ("id", NewId()), ("l", location), ("s", sku), ("o", onHand), ("ss", safetyStock), ("at", at));

    /// <summary>
    /// Creates many positions of one location with their first counts in one statement per chunk (bulk snapshots:
    /// one round trip per row made seeding a network take minutes on PostgreSQL). Positions that already exist are
    /// left alone and absent from the answer.
    /// </summary>
    public async Task<Dictionary<string, StockLevel>> TryCreateManyAsync(string location, IReadOnlyList<SnapshotLine> lines, DateTime at, CancellationToken ct)
    {
        const int Chunk = 1000;
        var created = new Dictionary<string, StockLevel>(StringComparer.Ordinal);
        foreach (var chunk in lines.Chunk(Chunk))
        {
            var values = new System.Text.StringBuilder();
            var parameters = new List<(string, object?)> { ("l", location), ("at", at) };
            for (var i = 0; i < chunk.Length; i++)
            {
                values.Append(i == 0 ? "" : ", ").Append($"(@id{i}, @l, @s{i}, @o{i}, 0, @ss{i}, 1, @at)");
                parameters.Add(($"id{i}", NewId()));
                parameters.Add(($"s{i}", chunk[i].Sku));
                parameters.Add(($"o{i}", chunk[i].OnHand));
                parameters.Add(($"ss{i}", chunk[i].SafetyStock ?? 0));
            }
            await using var command = await db.Database.CommandAsync($"""
                INSERT INTO inventory_positions (id, location_code, sku, on_hand, reserved, safety_stock, version, updated_at)
                VALUES {values}
                ON CONFLICT (location_code, sku) DO NOTHING
                {Levels}
                """, ct, [.. parameters]);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var level = Read(reader);
                created[level.Sku] = level;
                session.OnCommitted(() => view.Apply(level));
            }
        }
        return created;
    }

    /// <summary>
    /// Sets the bins of many SKUs of one location, one statement per chunk, creating positions of zeros where none
    /// exist. The counters and version stay as they are: a bin is no stock change, and caches hold no bins.
    /// </summary>
    public async Task AssignBinsAsync(string location, IReadOnlyList<BinAssignment> bins, DateTime at, CancellationToken ct)
    {
        const int Chunk = 1000;
        foreach (var chunk in bins.Chunk(Chunk))
        {
            var values = new System.Text.StringBuilder();
            var parameters = new List<(string, object?)> { ("l", location), ("at", at) };
            for (var i = 0; i < chunk.Length; i++)
            {
                values.Append(i == 0 ? "" : ", ").Append($"(@id{i}, @l, @s{i}, 0, 0, 0, 1, @at, @b{i})");
                parameters.Add(($"id{i}", NewId()));
                parameters.Add(($"s{i}", chunk[i].Sku));
                parameters.Add(($"b{i}", chunk[i].Bin));
            }
            await using var command = await db.Database.CommandAsync($"""
                INSERT INTO inventory_positions (id, location_code, sku, on_hand, reserved, safety_stock, version, updated_at, bin)
                VALUES {values}
                ON CONFLICT (location_code, sku) DO UPDATE SET bin = excluded.bin
                """, ct, [.. parameters]);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Sets on hand of an existing position the caller has locked.</summary>
    public async Task<StockLevel> SetAsync(string location, string sku, int onHand, int? safetyStock, DateTime at, CancellationToken ct) =>
        (await WriteAsync($"""
            UPDATE inventory_positions SET on_hand = @o, safety_stock = COALESCE(@ss, safety_stock), version = version + 1, updated_at = @at
            WHERE location_code = @l AND sku = @s
            {Levels}
            """, ct, ("l", location), ("s", sku), ("o", onHand), ("ss", safetyStock), ("at", at)))!;

    private string ForUpdate => database.Provider == DatabaseProvider.Postgres ? " FOR UPDATE" : "";

    private object NewId()
    {
        var id = Guid.CreateVersion7();
        // EF stores GUIDs as upper-case text on SQLite and as uuid on PostgreSQL; match what it reads back.
        return database.Provider == DatabaseProvider.Sqlite ? id.ToString().ToUpperInvariant() : id;
    }

    /// <summary>A write: once it commits, this node's availability view shows it (read-your-writes without waiting for the feed).</summary>
    private async Task<StockLevel?> WriteAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        var level = await SingleAsync(sql, ct, parameters);
        if (level is not null) session.OnCommitted(() => view.Apply(level));
        return level;
    }

    private async Task<StockLevel?> SingleAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = await db.Database.CommandAsync(sql, ct, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    private static StockLevel Read(DbDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt64(5), reader.GetInt32(6));
}
