using System.Security.Claims;
using Omni.Common.Data;
using Omni.Common.Validation;
using Omni.Contracts.Identity;
using Omni.Contracts.Inventory;
using Omni.Inventory.Data;
using Omni.Inventory.Domain;

namespace Omni.Inventory.Features;

// Bucket: onHand (the default) or unsellable, e.g. to write damaged units off or send them to a warehouse.
public sealed record RecordMovementRequest(string LocationCode, string Sku, int Delta, string Reason, string? Reference, StockBucket? Bucket = null);

public sealed record RecordMovementResponse(MovementResponse Movement, StockPositionResponse Position);

/// <summary>A receipt, transfer, damage write-off…: a fact about stock, applied to on hand (or the unsellable units) and the ledger together.</summary>
internal static class RecordMovement
{
    public static void Map(RouteGroupBuilder inventory) =>
        inventory.MapPost("/movements", Handle).WithName(nameof(RecordMovement))
            .RequireAuthorization(Scopes.Policy(Scopes.Inventory));

    internal static async Task<IResult> Handle(RecordMovementRequest request, ClaimsPrincipal user,
        StockTarget target, InventoryChanges changes, InventoryDbContext db, DbSession session, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Validator();
        var locationOk = errors.Code("locationCode", request.LocationCode);
        var skuOk = errors.Code("sku", request.Sku);
        if (request.Delta == 0) errors.Add("delta", "must not be zero.");
        errors.Range("delta", request.Delta, -1_000_000, 1_000_000);
        if (errors.Required("reason", request.Reason, 32) && !MovementReasons.Postable.Contains(request.Reason))
            errors.Add("reason", $"must be one of {string.Join(", ", MovementReasons.Postable.Order())}; counts go through PUT /api/v1/inventory/{{location}}/{{sku}}.");
        errors.Optional("reference", request.Reference, 100);
        if (!errors.IsValid || !locationOk || !skuOk) return errors.ToProblem();
        var (location, sku) = (request.LocationCode.ToUpperInvariant(), request.Sku.ToUpperInvariant());
        if (await target.CheckAsync(user, location, sku, errors, ct) is { } refused) return refused;

        var now = clock.GetUtcNow().UtcDateTime;
        var (level, movement) = await session.InTransactionAsync(async () =>
        {
            var applied = await changes.AddAsync(location, sku, request.Delta, request.Reason, request.Reference, user.Actor(), now, ct,
                request.Bucket ?? StockBucket.OnHand);
            await db.SaveChangesAsync(ct);
            return applied;
        }, ct);
        return TypedResults.Created($"/api/v1/inventory/{location}/{sku}",
            new RecordMovementResponse(MovementResponse.From(movement), StockPositionResponse.From(level, await db.BinOfAsync(location, sku, ct))));
    }
}
