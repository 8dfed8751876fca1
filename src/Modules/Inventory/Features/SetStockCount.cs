using System.Security.Claims;
using Omni.Common.Data;
using Omni.Common.Validation;
using Omni.Contracts.Identity;
using Omni.Inventory.Data;

namespace Omni.Inventory.Features;

// OnHand is nullable so a body without it is refused: bound as int it would silently count the shelf as empty.
public sealed record SetStockCountRequest(int? OnHand, int? SafetyStock, string? Reference);

/// <summary>A physical count: on hand becomes what was counted; the ledger records the difference.</summary>
internal static class SetStockCount
{
    public static void Map(RouteGroupBuilder inventory) =>
        inventory.MapPut("/{locationCode}/{sku}", Handle).WithName(nameof(SetStockCount))
            .RequireAuthorization(Scopes.Policy(Scopes.Inventory));

    internal static async Task<IResult> Handle(string locationCode, string sku, SetStockCountRequest request, ClaimsPrincipal user,
        StockTarget target, InventoryChanges changes, InventoryDbContext db, DbSession session, TimeProvider clock, CancellationToken ct)
    {
        (locationCode, sku) = (locationCode.ToUpperInvariant(), sku.ToUpperInvariant());
        var errors = new Validator();
        if (errors.Required("onHand", request.OnHand)) errors.Range("onHand", request.OnHand!.Value, 0, 1_000_000_000);
        if (request.SafetyStock is { } safety) errors.Range("safetyStock", safety, 0, 1_000_000_000);
        errors.Optional("reference", request.Reference, 100);
        if (!errors.IsValid) return errors.ToProblem();
        if (await target.CheckAsync(user, locationCode, sku, errors, ct) is { } refused) return refused;

        var now = clock.GetUtcNow().UtcDateTime;
        var (level, _) = await session.InTransactionAsync(async () =>
        {
            var counted = await changes.CountAsync(locationCode, sku, request.OnHand!.Value, request.SafetyStock, request.Reference, user.Actor(), now, ct);
            await db.SaveChangesAsync(ct);
            return counted;
        }, ct);
        return TypedResults.Ok(StockPositionResponse.From(level, await db.BinOfAsync(locationCode, sku, ct)));
    }
}
