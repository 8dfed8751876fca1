using Microsoft.EntityFrameworkCore;
using Omni.Contracts.Inventory;
using Omni.Inventory.Data;

namespace Omni.Inventory.Stock;

internal sealed class StockLevels(InventoryDbContext db, StockView view) : IStockLevels
{
    public async Task<IReadOnlyList<StockLevel>> ForSkusAsync(IReadOnlyCollection<string> skus, CancellationToken ct) =>
        await db.Positions.AsNoTracking()
            .Where(p => skus.Contains(p.Sku))
            .Select(p => new StockLevel(p.LocationCode, p.Sku, p.OnHand, p.Reserved, p.SafetyStock, p.Version, p.Unsellable))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<StockLevel>> RecentForSkusAsync(IReadOnlyCollection<string> skus, CancellationToken ct) =>
        view.Ready ? skus.SelectMany(view.Levels).ToList() : await ForSkusAsync(skus, ct);
}
