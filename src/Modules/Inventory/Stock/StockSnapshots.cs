using Omni.Common.Data;
using Omni.Contracts.Inventory;
using Omni.Inventory.Data;

namespace Omni.Inventory.Stock;

internal sealed class StockSnapshots(InventoryDbContext db, PositionSql positions, InventoryChanges changes, DbSession session, TimeProvider clock) : IStockSnapshots
{
    private const int MaxDiscrepancies = 1000;

    public Task<SnapshotResult> ApplyAsync(string locationCode, IReadOnlyList<SnapshotLine> lines, string actor, CancellationToken ct)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        return session.InTransactionAsync(async () =>
        {
            var locked = await positions.LockLocationAsync(locationCode, ct);
            var created = await positions.TryCreateManyAsync(locationCode, lines.Where(l => !locked.ContainsKey(l.Sku)).ToList(), at, ct);
            var discrepancies = new List<SnapshotDiscrepancy>();
            var (changed, added, removed) = (0, 0L, 0L);
            foreach (var line in lines.OrderBy(l => l.Sku, StringComparer.Ordinal))
            {
                var movement = created.TryGetValue(line.Sku, out var first)
                    ? first.OnHand == 0 ? null : await changes.RecordFirstCountAsync(first, "snapshot", actor, at, quiet: true, ct)
                    // Existing positions, and any another request created since we looked, are counted against their locked row.
                    : (await changes.CountAsync(locationCode, line.Sku, line.OnHand, line.SafetyStock, "snapshot", actor, at, ct, locked.GetValueOrDefault(line.Sku), quiet: true)).Movement;
                if (movement is null) continue;
                changed++;
                if (movement.Delta > 0) added += movement.Delta; else removed -= movement.Delta;
                if (discrepancies.Count < MaxDiscrepancies) discrepancies.Add(new SnapshotDiscrepancy(line.Sku, movement.OnHandAfter - movement.Delta, line.OnHand));
            }
            db.Publish(new InventorySnapshotApplied(locationCode, lines.Count, changed), at);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            return new SnapshotResult(lines.Count, changed, added, removed, discrepancies);
        }, ct);
    }
}
