using Microsoft.EntityFrameworkCore;
using Omni.Contracts.Inventory;
using Omni.Inventory.Data;
using Omni.Inventory.Domain;

namespace Omni.Inventory.Stock;

internal sealed class StockReservations(InventoryDbContext db, PositionSql positions, InventoryChanges changes) : IStockReservations
{
    public Task<IReadOnlyList<StockClaim>> ReserveAsync(IReadOnlyList<StockClaim> claims, string actor, DateTime at, CancellationToken ct) =>
        SwapAsync([], claims, expiresAt: null, "reserved", at, ct);

    public async Task ReleaseAsync(Guid orderId, string reason, string actor, DateTime at, CancellationToken ct)
    {
        var active = await db.Reservations
            .Where(r => r.OrderId == orderId && r.Status == ReservationStatus.Active)
            .ToListAsync(ct);
        foreach (var reservation in active.OrderBy(r => r.LocationCode, StringComparer.Ordinal).ThenBy(r => r.Sku, StringComparer.Ordinal))
        {
            reservation.Release(at);
            var level = await positions.ReleaseAsync(reservation.LocationCode, reservation.Sku, reservation.Quantity, at, ct);
            if (level is not null) db.Publish(InventoryChanges.Changed(level, "released"), at);
        }
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<StockClaim>> HoldAsync(Guid holdId, IReadOnlyList<StockClaim> claims, DateTime expiresAt, string actor, DateTime at, CancellationToken ct) =>
        await SwapAsync(await ActiveHoldAsync(holdId, ct), claims, expiresAt, "held", at, ct);

    public async Task<IReadOnlyList<StockHeld>> HeldAsync(Guid holdId, DateTime at, CancellationToken ct) =>
        await db.Reservations.AsNoTracking()
            .Where(r => r.OrderId == holdId && r.Status == ReservationStatus.Active && r.ExpiresAt > at)
            .Select(r => new StockHeld(r.LocationCode, r.Sku, r.Quantity, r.ExpiresAt!.Value))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<StockClaim>> ConvertHoldAsync(Guid holdId, IReadOnlyList<StockClaim> claims, string actor, DateTime at, CancellationToken ct) =>
        await SwapAsync(await ActiveHoldAsync(holdId, ct), claims, expiresAt: null, "reserved", at, ct);

    /// <summary>
    /// Releases <paramref name="release"/> and reserves <paramref name="claims"/> position by position in one fixed
    /// (location, SKU) order — the order every writer of positions and reservations follows, so none of them deadlock —
    /// releasing before claiming at each position, so units a hold gives up are there for the claim that replaces it.
    /// </summary>
    private async Task<IReadOnlyList<StockClaim>> SwapAsync(
        IReadOnlyList<Reservation> release, IReadOnlyList<StockClaim> claims, DateTime? expiresAt, string reason, DateTime at, CancellationToken ct)
    {
        var failed = new List<StockClaim>();
        var releasing = release.ToLookup(r => (r.LocationCode, r.Sku));
        var claiming = claims.ToLookup(c => (c.LocationCode, c.Sku));
        var keys = releasing.Select(g => g.Key).Union(claiming.Select(g => g.Key))
            .OrderBy(k => k.LocationCode, StringComparer.Ordinal).ThenBy(k => k.Sku, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            foreach (var held in releasing[key].OrderBy(r => r.Id)) await ReleaseHeldAsync(held, "hold_released", at, ct);
            foreach (var claim in claiming[key])
            {
                var level = await positions.TryReserveAsync(claim.LocationCode, claim.Sku, claim.Quantity, at, ct);
                if (level is null)
                {
                    failed.Add(claim);
                    continue;
                }
                Add(claim, at, expiresAt);
                db.Publish(InventoryChanges.Changed(level, reason), at);
            }
        }
        if (failed.Count == 0) await db.SaveChangesAsync(ct);
        return failed;
    }

    private async Task<IReadOnlyList<Reservation>> ActiveHoldAsync(Guid holdId, CancellationToken ct) =>
        await db.Reservations.AsNoTracking()
            .Where(r => r.OrderId == holdId && r.Status == ReservationStatus.Active && r.ExpiresAt != null)
            .ToListAsync(ct);

    /// <summary>
    /// Gives a hold's units back, once: the expiry job (on any node) and a checkout may reach the same hold at the same
    /// time, and only the one whose conditional update closes the reservation may lower the position's reserved count.
    /// </summary>
    internal async Task ReleaseHeldAsync(Reservation held, string reason, DateTime at, CancellationToken ct)
    {
        var closed = await db.Reservations
            .Where(r => r.Id == held.Id && r.Status == ReservationStatus.Active)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReservationStatus.Released).SetProperty(r => r.ClosedAt, at), ct);
        if (closed == 0) return;
        var level = await positions.ReleaseAsync(held.LocationCode, held.Sku, held.Quantity, at, ct);
        if (level is not null) db.Publish(InventoryChanges.Changed(level, reason), at);
    }

    public async Task<bool> TryReserveAsync(StockClaim claim, string actor, DateTime at, CancellationToken ct)
    {
        var level = await positions.TryReserveAsync(claim.LocationCode, claim.Sku, claim.Quantity, at, ct);
        if (level is null) return false;
        Add(claim, at);
        db.Publish(InventoryChanges.Changed(level, "reserved"), at);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task ConsumeAsync(IReadOnlyList<StockClaim> units, string reason, string reference, string actor, DateTime at, CancellationToken ct)
    {
        foreach (var claim in InLockOrder(units))
        {
            foreach (var reservation in await TakeAsync(claim, ct)) reservation.Consume(at);
            await changes.ConsumeAsync(claim.LocationCode, claim.Sku, claim.Quantity, reason, reference, actor, at, ct);
        }
        await db.SaveChangesAsync(ct);
    }

    public async Task ReleaseUnitsAsync(IReadOnlyList<StockClaim> units, string reason, string actor, DateTime at, CancellationToken ct)
    {
        foreach (var claim in InLockOrder(units))
        {
            foreach (var reservation in await TakeAsync(claim, ct)) reservation.Release(at);
            var level = await positions.ReleaseAsync(claim.LocationCode, claim.Sku, claim.Quantity, at, ct);
            if (level is not null) db.Publish(InventoryChanges.Changed(level, "released"), at);
        }
        await db.SaveChangesAsync(ct);
    }

    public async Task ReceiveReservedAsync(IReadOnlyList<StockClaim> units, string reason, string reference, string actor, DateTime at, CancellationToken ct)
    {
        foreach (var claim in InLockOrder(units))
        {
            await changes.ReceiveReservedAsync(claim.LocationCode, claim.Sku, claim.Quantity, reason, reference, actor, at, ct);
            Add(claim, at);
        }
        await db.SaveChangesAsync(ct);
    }

    private void Add(StockClaim claim, DateTime at, DateTime? expiresAt = null) => db.Reservations.Add(new Reservation
    {
        OrderId = claim.OrderId, OrderLineId = claim.OrderLineId, LocationCode = claim.LocationCode,
        Sku = claim.Sku, Quantity = claim.Quantity, CreatedAt = at, ExpiresAt = expiresAt,
    });

    private static IEnumerable<StockClaim> InLockOrder(IReadOnlyList<StockClaim> claims) =>
        claims.Where(c => c.Quantity > 0).OrderBy(c => c.LocationCode, StringComparer.Ordinal).ThenBy(c => c.Sku, StringComparer.Ordinal);

    /// <summary>
    /// Exactly <paramref name="claim"/>'s units of the line's active reservations at the location, oldest first, splitting
    /// the last one when it holds more. Fewer active units than claimed means the caller's books disagree with ours: refuse.
    /// </summary>
    private async Task<List<Reservation>> TakeAsync(StockClaim claim, CancellationToken ct)
    {
        var active = await db.Reservations
            .Where(r => r.OrderLineId == claim.OrderLineId && r.LocationCode == claim.LocationCode && r.Status == ReservationStatus.Active)
            .OrderBy(r => r.Id)
            .ToListAsync(ct);
        var taken = new List<Reservation>();
        var missing = claim.Quantity;
        foreach (var reservation in active)
        {
            if (missing == 0) break;
            if (reservation.Quantity > missing)
            {
                var part = reservation.Split(missing);
                db.Reservations.Add(part);
                taken.Add(part);
                missing = 0;
                break;
            }
            taken.Add(reservation);
            missing -= reservation.Quantity;
        }
        if (missing > 0)
            throw new InvalidOperationException($"Order line {claim.OrderLineId} holds {claim.Quantity - missing} reserved unit(s) of {claim.Sku} at {claim.LocationCode}, not {claim.Quantity}.");
        return taken;
    }
}
