using Omni.Common.Data;

namespace Omni.Returns.Data;

/// <summary>
/// Counts returned units per order line with one conditional upsert, inside the return's transaction: of two returns of
/// the last unit racing on any number of nodes, the database lets exactly one through. No read-then-write, no lock in memory.
/// </summary>
internal sealed class ReturnedQuantities(ReturnsDbContext db, DatabaseOptions database)
{
    /// <summary>Adds <paramref name="quantity"/> returned units to the line; the new total, or null when it would pass <paramref name="bought"/>.</summary>
    public async Task<int?> TryAddAsync(Guid orderId, Guid orderLineId, int quantity, int bought, CancellationToken ct)
    {
        if (quantity > bought) return null;
        await using var command = await db.Database.CommandAsync("""
            INSERT INTO returns_returned_quantities (order_line_id, order_id, returned) VALUES (@line, @order, @q)
            ON CONFLICT (order_line_id) DO UPDATE SET returned = returns_returned_quantities.returned + @q
            WHERE returns_returned_quantities.returned + @q <= @bought
            RETURNING returned
            """, ct, ("line", Id(orderLineId)), ("order", Id(orderId)), ("q", quantity), ("bought", bought));
        var returned = await command.ExecuteScalarAsync(ct);
        return returned is null or DBNull ? null : Convert.ToInt32(returned, System.Globalization.CultureInfo.InvariantCulture);
    }

    // EF stores GUIDs as upper-case text on SQLite and as uuid on PostgreSQL; match what it reads back.
    private object Id(Guid id) => database.Provider == DatabaseProvider.Sqlite ? id.ToString().ToUpperInvariant() : id;
}
