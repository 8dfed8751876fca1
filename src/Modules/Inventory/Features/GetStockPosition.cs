using Microsoft.EntityFrameworkCore;
using Omni.Common.Errors;
using Omni.Contracts.Catalog;
using Omni.Contracts.Inventory;
using Omni.Contracts.Locations;
using Omni.Inventory.Data;

namespace Omni.Inventory.Features;

internal static class GetStockPosition
{
    public static void Map(RouteGroupBuilder inventory) =>
        inventory.MapGet("/{locationCode}/{sku}", Handle).WithName(nameof(GetStockPosition));

    internal static async Task<IResult> Handle(string locationCode, string sku, InventoryDbContext db,
        ILocationDirectory locations, ICatalogLookup catalog, CancellationToken ct)
    {
        (locationCode, sku) = (locationCode.ToUpperInvariant(), sku.ToUpperInvariant());
        var position = (await db.ReadPositionsAsync(locationCode, [sku], ct)).SingleOrDefault();
        if (position is not null) return TypedResults.Ok(position);

        // A known SKU never stocked at a known location has a position of zeros, not a 404.
        if (!(await locations.AllAsync(ct)).ContainsKey(locationCode)) return Problems.NotFound("Location", locationCode);
        if (!(await catalog.FindVariantsAsync([sku], ct)).ContainsKey(sku)) return Problems.NotFound("SKU", sku);
        return TypedResults.Ok(Zero(locationCode, sku));
    }

    internal static StockPositionResponse Zero(string locationCode, string sku) => StockPositionResponse.From(new StockLevel(locationCode, sku, 0, 0, 0), null);

    /// <summary>The stored positions of <paramref name="skus"/> at a location (those never stocked there are absent).</summary>
    internal static async Task<List<StockPositionResponse>> ReadPositionsAsync(this InventoryDbContext db, string locationCode, IReadOnlyCollection<string> skus, CancellationToken ct) =>
        (await db.Positions.AsNoTracking()
            .Where(p => p.LocationCode == locationCode && skus.Contains(p.Sku))
            .Select(p => new { Level = new StockLevel(p.LocationCode, p.Sku, p.OnHand, p.Reserved, p.SafetyStock, p.Version, p.Unsellable), p.Bin })
            .ToListAsync(ct))
        .ConvertAll(p => StockPositionResponse.From(p.Level, p.Bin));

    /// <summary>The bin of a position, for answers built from the levels a write returned.</summary>
    internal static Task<string?> BinOfAsync(this InventoryDbContext db, string locationCode, string sku, CancellationToken ct) =>
        db.Positions.AsNoTracking().Where(p => p.LocationCode == locationCode && p.Sku == sku).Select(p => p.Bin).FirstOrDefaultAsync(ct);
}
