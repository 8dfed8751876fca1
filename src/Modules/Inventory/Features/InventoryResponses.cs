using Omni.Contracts.Inventory;
using Omni.Inventory.Domain;

namespace Omni.Inventory.Features;

// Bin: where the SKU is kept in the location (aisle/shelf label), null when none was set.
public sealed record StockPositionResponse(string LocationCode, string Sku, int OnHand, int Reserved, int SafetyStock, int Available, int Unsellable, string? Bin)
{
    internal static StockPositionResponse From(StockLevel level, string? bin) =>
        new(level.LocationCode, level.Sku, level.OnHand, level.Reserved, level.SafetyStock, level.Available, level.Unsellable, bin);
}

// Bucket: onHand, or unsellable when the delta changed the unsellable units.
public sealed record MovementResponse(Guid Id, string LocationCode, string Sku, int Delta, int OnHandAfter, string Reason, string? Reference, string Actor, DateTime OccurredAt,
    StockBucket Bucket, int UnsellableAfter)
{
    internal static MovementResponse From(StockMovement m) =>
        new(m.Id, m.LocationCode, m.Sku, m.Delta, m.OnHandAfter, m.Reason, m.Reference, m.Actor, m.OccurredAt,
            m.Unsellable ? StockBucket.Unsellable : StockBucket.OnHand, m.UnsellableAfter);
}
