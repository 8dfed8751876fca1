using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;
using Omni.Contracts.Inventory;
using Omni.Inventory.Data;
using Omni.Inventory.Domain;

namespace Omni.Inventory.Stock;

internal sealed class StockSnapshots(InventoryDbContext db, PositionSql positions, DbSession session, TimeProvider clock) : IStockSnapshots
{
    private const int MaxDiscrepancies = 1000;

    public Task<SnapshotResult> ApplyAsync(string locationCode, IReadOnlyList<SnapshotLine> lines, string actor, CancellationToken ct)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        return session.InTransactionAsync(async () =>
        {
            var before = await db.Positions.AsNoTracking().Where(p => p.LocationCode == locationCode)
                .ToDictionaryAsync(p => p.Sku, p => p.OnHand, StringComparer.Ordinal, ct);
            var discrepancies = new List<SnapshotDiscrepancy>();
            var (changed, added, removed) = (0, 0L, 0L);
            foreach (var line in lines.OrderBy(l => l.Sku, StringComparer.Ordinal))
            {
                var expected = before.GetValueOrDefault(line.Sku);
                var level = await positions.SetAsync(locationCode, line.Sku, line.OnHand, line.SafetyStock, at, ct);
                var delta = line.OnHand - expected;
                if (delta == 0) continue;
                changed++;
                if (delta > 0) added += delta; else removed -= delta;
                if (discrepancies.Count < MaxDiscrepancies) discrepancies.Add(new SnapshotDiscrepancy(line.Sku, expected, line.OnHand));
                db.Movements.Add(new StockMovement
                {
                    LocationCode = locationCode, Sku = line.Sku, Delta = delta, OnHandAfter = level.OnHand,
                    Reason = MovementReasons.Count, Reference = "snapshot", Actor = actor, OccurredAt = at,
                });
            }
            db.Publish(new InventorySnapshotApplied(locationCode, lines.Count, changed), at);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            return new SnapshotResult(lines.Count, changed, added, removed, discrepancies);
        }, ct);
    }
}
