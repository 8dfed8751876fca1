using Omni.Common.Validation;
using Omni.Contracts.Catalog;
using Omni.Contracts.Locations;
using Omni.Inventory.Data;

namespace Omni.Inventory.Features;

public sealed record PositionPage(IReadOnlyList<StockPositionResponse> Items, string? Next);

/// <summary>
/// Several positions of one location at once, with their bins: a pick list or a shelf lookup in one read. SKUs never
/// stocked there read as positions of zeros, as in <see cref="GetStockPosition"/>.
/// </summary>
internal static class ListPositions
{
    private const int MaxSkus = 100;

    public static void Map(RouteGroupBuilder inventory) =>
        inventory.MapGet("/positions", Handle).WithName(nameof(ListPositions));

    internal static async Task<IResult> Handle(string? locationCode, string? skus, InventoryDbContext db,
        ILocationDirectory locations, ICatalogLookup catalog, CancellationToken ct)
    {
        var errors = new Validator();
        var location = locationCode?.ToUpperInvariant();
        if (errors.Required("locationCode", location, 64) && !(await locations.AllAsync(ct)).ContainsKey(location!))
            errors.Add("locationCode", $"Location '{location}' does not exist.");
        var wanted = (skus ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0) errors.Add("skus", "is required: a comma-separated list of SKUs.");
        if (wanted.Count > MaxSkus) errors.Add("skus", $"must name at most {MaxSkus} SKUs.");
        if (errors.IsValid)
        {
            var known = await catalog.FindVariantsAsync(wanted, ct);
            foreach (var unknown in wanted.Where(s => !known.ContainsKey(s))) errors.Add("skus", $"SKU '{unknown}' does not exist.");
        }
        if (!errors.IsValid) return errors.ToProblem();

        var stored = (await db.ReadPositionsAsync(location!, wanted, ct)).ToDictionary(p => p.Sku, StringComparer.Ordinal);
        return TypedResults.Ok(new PositionPage([.. wanted.Select(sku => stored.GetValueOrDefault(sku) ?? GetStockPosition.Zero(location!, sku))], null));
    }
}
