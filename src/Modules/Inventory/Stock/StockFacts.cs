using Omni.Contracts.Inventory;
using Omni.Inventory.Data;

namespace Omni.Inventory.Stock;

internal sealed class StockFacts(InventoryDbContext db, InventoryChanges changes) : IStockFacts
{
    public async Task RecordAsync(IReadOnlyList<StockFact> facts, string actor, DateTime at, CancellationToken ct)
    {
        foreach (var fact in facts.OrderBy(f => f.LocationCode, StringComparer.Ordinal).ThenBy(f => f.Sku, StringComparer.Ordinal))
            await changes.AddAsync(fact.LocationCode, fact.Sku, fact.Delta, fact.Reason, fact.Reference, actor, at, ct, fact.Bucket);
        await db.SaveChangesAsync(ct);
    }
}
