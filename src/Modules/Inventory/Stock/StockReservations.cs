using Microsoft.EntityFrameworkCore;
using Omni.Contracts.Inventory;
using Omni.Inventory.Data;
using Omni.Inventory.Domain;

namespace Omni.Inventory.Stock;

internal sealed class StockReservations(InventoryDbContext db, PositionSql positions) : IStockReservations
{
    public async Task<IReadOnlyList<StockClaim>> ReserveAsync(IReadOnlyList<StockClaim> claims, string actor, DateTime at, CancellationToken ct)
    {
        var failed = new List<StockClaim>();
        // One fixed order for every request: two orders that need the same two rows lock them in the same sequence.
        foreach (var claim in claims.OrderBy(c => c.LocationCode, StringComparer.Ordinal).ThenBy(c => c.Sku, StringComparer.Ordinal))
        {
            var level = await positions.TryReserveAsync(claim.LocationCode, claim.Sku, claim.Quantity, at, ct);
            if (level is null)
            {
                failed.Add(claim);
                continue;
            }
            db.Reservations.Add(new Reservation
            {
                OrderId = claim.OrderId, OrderLineId = claim.OrderLineId, LocationCode = claim.LocationCode,
                Sku = claim.Sku, Quantity = claim.Quantity, CreatedAt = at,
            });
            db.Publish(InventoryChanges.Changed(level, "reserved"), at);
        }
        if (failed.Count == 0) await db.SaveChangesAsync(ct);
        return failed;
    }

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
}
