using Microsoft.EntityFrameworkCore;
using Omni.Contracts.Inventory;
using Omni.Inventory.Data;

namespace Omni.Inventory.Stock;

/// <remarks>
/// The context is resolved from the request's scope only when a read goes to the database: most callers (product pages,
/// promises, carts) read the in-memory view, and creating a context on the request's connection costs more than that read.
/// </remarks>
internal sealed class StockLevels(IServiceProvider services, StockView view) : IStockLevels
{
    public async Task<IReadOnlyList<StockLevel>> ForSkusAsync(IReadOnlyCollection<string> skus, CancellationToken ct) =>
        await services.GetRequiredService<InventoryDbContext>().Positions.AsNoTracking()
            .Where(p => skus.Contains(p.Sku))
            .Select(p => new StockLevel(p.LocationCode, p.Sku, p.OnHand, p.Reserved, p.SafetyStock, p.Version, p.Unsellable))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<StockLevel>> RecentForSkusAsync(IReadOnlyCollection<string> skus, CancellationToken ct) =>
        view.Ready ? skus.SelectMany(view.Levels).ToList() : await ForSkusAsync(skus, ct);
}
