using Omni.Common.Data;
using Omni.Pricing.Data;

namespace Omni.Pricing.Coupons;

/// <summary>
/// The use counters change only through these statements, each one conditional update the database applies atomically
/// (PostgreSQL re-checks the condition on the row version it waited for), so a limit holds across channels and server
/// nodes whatever a node read a moment earlier. They run on the caller's open transaction: a rolled-back order counts nothing.
/// Lock order is always the code's row, then the customer's row, so redemptions and releases never deadlock.
/// </summary>
internal sealed class CouponLedger(PricingDbContext db, DatabaseOptions database)
{
    /// <summary>Counts one use of the code if it has a use left.</summary>
    public async Task<bool> TryUseCodeAsync(Guid codeId, CancellationToken ct) =>
        await ReturnsRowAsync("""
            UPDATE pricing_coupon_codes SET uses = uses + 1
            WHERE id = @id AND (max_uses IS NULL OR uses < max_uses)
            RETURNING uses
            """, ct, ("id", Id(codeId)));

    public async Task UnuseCodeAsync(Guid codeId, CancellationToken ct)
    {
        await using var command = await db.Database.CommandAsync("UPDATE pricing_coupon_codes SET uses = uses - 1 WHERE id = @id AND uses > 0", ct, ("id", Id(codeId)));
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Counts one use by the customer if they have one left: the first use inserts the row, later ones update it while under the limit.</summary>
    public async Task<bool> TryUseForCustomerAsync(Guid couponId, string customerKey, int limit, CancellationToken ct) =>
        await ReturnsRowAsync("""
            INSERT INTO pricing_coupon_customer_uses (coupon_id, customer_key, uses) VALUES (@c, @k, 1)
            ON CONFLICT (coupon_id, customer_key) DO UPDATE SET uses = pricing_coupon_customer_uses.uses + 1
            WHERE pricing_coupon_customer_uses.uses < @limit
            RETURNING uses
            """, ct, ("c", Id(couponId)), ("k", customerKey), ("limit", limit));

    public async Task UnuseForCustomerAsync(Guid couponId, string customerKey, CancellationToken ct)
    {
        await using var command = await db.Database.CommandAsync(
            "UPDATE pricing_coupon_customer_uses SET uses = uses - 1 WHERE coupon_id = @c AND customer_key = @k AND uses > 0",
            ct, ("c", Id(couponId)), ("k", customerKey));
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<bool> ReturnsRowAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = await db.Database.CommandAsync(sql, ct, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct);
    }

    // EF stores GUIDs as upper-case text on SQLite and as uuid on PostgreSQL; compare with what it wrote.
    private object Id(Guid id) => database.Provider == DatabaseProvider.Sqlite ? id.ToString().ToUpperInvariant() : id;
}
