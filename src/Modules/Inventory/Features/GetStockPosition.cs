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
        var level = await db.Positions.AsNoTracking()
            .Where(p => p.LocationCode == locationCode && p.Sku == sku)
            .Select(p => new StockLevel(p.LocationCode, p.Sku, p.OnHand, p.Reserved, p.SafetyStock, p.Version, p.Unsellable))
            .FirstOrDefaultAsync(ct);
        if (level is not null) return TypedResults.Ok(StockPositionResponse.From(level));

        // A known SKU never stocked at a known location has a position of zeros, not a 404.
        if (!(await locations.AllAsync(ct)).ContainsKey(locationCode)) return Problems.NotFound("Location", locationCode);
        if (!(await catalog.FindVariantsAsync([sku], ct)).ContainsKey(sku)) return Problems.NotFound("SKU", sku);
        return TypedResults.Ok(StockPositionResponse.From(new StockLevel(locationCode, sku, 0, 0, 0)));
    }
}
