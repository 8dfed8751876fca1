using Microsoft.EntityFrameworkCore;
using Omni.Contracts.Inventory;
using Omni.Inventory.Domain;

namespace Omni.Inventory.Data;

/// <summary>
/// Applies changes of on hand: the position and its ledger entry in one go (on hand always equals the ledger's sum),
/// an <see cref="InventoryChanged"/> event, and <see cref="InventoryOversold"/> when reservations become uncovered.
/// Every writer of on hand goes through here; callers own the transaction.
/// </summary>
internal sealed class InventoryChanges(InventoryDbContext db, PositionSql positions)
{
    /// <summary>Adds <paramref name="delta"/> to on hand, or to the unsellable units when <paramref name="bucket"/> says so.</summary>
    public async Task<(StockLevel Level, StockMovement Movement)> AddAsync(
        string location, string sku, int delta, string reason, string? reference, string actor, DateTime at, CancellationToken ct,
        StockBucket bucket = StockBucket.OnHand)
    {
        var level = bucket == StockBucket.Unsellable
            ? await positions.AddUnsellableAsync(location, sku, delta, at, ct)
            : await positions.AddOnHandAsync(location, sku, delta, at, ct);
        return (level, await RecordAsync(level, delta, reason, reference, actor, at, ct, bucket: bucket));
    }

    /// <summary>Reserved units left the location: on hand and reserved fall, and the ledger records why.</summary>
    public async Task<StockLevel> ConsumeAsync(string location, string sku, int quantity, string reason, string? reference, string actor, DateTime at, CancellationToken ct)
    {
        var level = await positions.ConsumeAsync(location, sku, quantity, at, ct);
        await RecordAsync(level, -quantity, reason, reference, actor, at, ct);
        return level;
    }

    /// <summary>Units arrived already promised: on hand and reserved rise, and the ledger records the receipt.</summary>
    public async Task<StockLevel> ReceiveReservedAsync(string location, string sku, int quantity, string reason, string? reference, string actor, DateTime at, CancellationToken ct)
    {
        var level = await positions.ReceiveReservedAsync(location, sku, quantity, at, ct);
        await RecordAsync(level, quantity, reason, reference, actor, at, ct);
        return level;
    }

    /// <summary>
    /// A count: sets on hand (and optionally safety stock); the ledger records the difference as a count movement.
    /// The difference is taken against the locked row, never against an earlier read, so concurrent receipts or sales
    /// cannot make on hand and the ledger disagree. <paramref name="locked"/> is the position when the caller already
    /// locked it; <paramref name="quiet"/> (bulk snapshots) skips unchanged positions and per-position change events.
    /// </summary>
    public async Task<(StockLevel Level, StockMovement? Movement)> CountAsync(
        string location, string sku, int onHand, int? safetyStock, string? reference, string actor, DateTime at, CancellationToken ct,
        StockLevel? locked = null, bool quiet = false)
    {
        var before = locked ?? await positions.LockAsync(location, sku, ct);
        if (before is null && await positions.TryCreateAsync(location, sku, onHand, safetyStock, at, ct) is { } created)
            return (created, quiet && onHand == 0 ? null : await RecordAsync(created, onHand, MovementReasons.Count, reference, actor, at, ct, quiet));
        // Someone created the position between our read and our insert: lock what they wrote and count against it.
        before ??= await positions.LockAsync(location, sku, ct);
        var level = await positions.SetAsync(location, sku, onHand, safetyStock, at, ct);
        var delta = onHand - before!.OnHand;
        return (level, quiet && delta == 0 ? null : await RecordAsync(level, delta, MovementReasons.Count, reference, actor, at, ct, quiet));
    }

    /// <summary>The ledger entry of a position just created with its first count (bulk snapshots create many at once).</summary>
    public Task<StockMovement> RecordFirstCountAsync(StockLevel created, string? reference, string actor, DateTime at, bool quiet, CancellationToken ct) =>
        RecordAsync(created, created.OnHand, MovementReasons.Count, reference, actor, at, ct, quiet);

    private async Task<StockMovement> RecordAsync(StockLevel level, int delta, string reason, string? reference, string actor, DateTime at, CancellationToken ct,
        bool quiet = false, StockBucket bucket = StockBucket.OnHand)
    {
        var movement = new StockMovement
        {
            LocationCode = level.LocationCode, Sku = level.Sku, Delta = delta, OnHandAfter = level.OnHand,
            Unsellable = bucket == StockBucket.Unsellable, UnsellableAfter = level.Unsellable,
            Reason = reason, Reference = reference, Actor = actor, OccurredAt = at,
        };
        db.Movements.Add(movement);
        if (!quiet) db.Publish(Changed(level, reason), at);
        if (level.OnHand < level.Reserved) db.Publish(await OversoldAsync(level, ct), at);
        return movement;
    }

    public static InventoryChanged Changed(StockLevel level, string reason) =>
        new(level.LocationCode, level.Sku, level.OnHand, level.Reserved, level.SafetyStock, level.Available, reason, level.Version, level.Unsellable);

    /// <summary>The newest reservations are the uncovered ones: older promises keep the stock that is left.</summary>
    private async Task<InventoryOversold> OversoldAsync(StockLevel level, CancellationToken ct)
    {
        var shortBy = level.Reserved - Math.Max(0, level.OnHand);
        var active = await db.Reservations.AsNoTracking()
            .Where(r => r.LocationCode == level.LocationCode && r.Sku == level.Sku && r.Status == ReservationStatus.Active)
            .OrderByDescending(r => r.Id)
            .Select(r => new { r.OrderId, r.OrderLineId, r.Quantity })
            .ToListAsync(ct);
        var uncovered = new List<UncoveredReservation>();
        foreach (var reservation in active)
        {
            if (shortBy <= 0) break;
            var quantity = Math.Min(shortBy, reservation.Quantity);
            uncovered.Add(new UncoveredReservation(reservation.OrderId, reservation.OrderLineId, quantity));
            shortBy -= quantity;
        }
        return new InventoryOversold(level.LocationCode, level.Sku, level.OnHand, level.Reserved, uncovered);
    }
}
