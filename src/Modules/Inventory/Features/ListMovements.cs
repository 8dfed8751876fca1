using Microsoft.EntityFrameworkCore;
using Omni.Common.Errors;
using Omni.Inventory.Data;

namespace Omni.Inventory.Features;

public sealed record MovementPage(IReadOnlyList<MovementResponse> Items, string? Next);

/// <summary>The ledger of one position, newest first.</summary>
internal static class ListMovements
{
    public static void Map(RouteGroupBuilder inventory) =>
        inventory.MapGet("/{locationCode}/{sku}/movements", Handle).WithName(nameof(ListMovements));

    internal static async Task<IResult> Handle(string locationCode, string sku, string? after, int? limit, InventoryDbContext db, CancellationToken ct)
    {
        var take = limit ?? 100;
        if (take is < 1 or > 1000) return Problems.Invalid(new Dictionary<string, string[]> { ["limit"] = ["must be between 1 and 1000."] });
        // An offset from the newest entry: simple and fast on one position's ledger. A back-dated store sale recorded
        // while a client pages can shift entries between pages (docs/api.md, Known gaps); a keyset cursor would not.
        var skip = 0;
        if (after is not null && (!int.TryParse(after, out skip) || skip < 0))
            return Problems.Invalid(new Dictionary<string, string[]> { ["after"] = ["is not a valid cursor."] });
        (locationCode, sku) = (locationCode.ToUpperInvariant(), sku.ToUpperInvariant());
        var rows = await db.Movements.AsNoTracking()
            .Where(m => m.LocationCode == locationCode && m.Sku == sku)
            .OrderByDescending(m => m.OccurredAt).ThenByDescending(m => m.Id)
            .Skip(skip).Take(take + 1).ToListAsync(ct);
        var items = rows.Take(take).Select(MovementResponse.From).ToList();
        return TypedResults.Ok(new MovementPage(items, rows.Count > take ? (skip + take).ToString() : null));
    }
}
