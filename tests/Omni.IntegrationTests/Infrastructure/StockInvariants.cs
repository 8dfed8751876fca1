using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omni.Inventory.Data;
using Omni.Inventory.Domain;

namespace Omni.IntegrationTests.Infrastructure;

public static class StockInvariants
{
    /// <summary>On hand is the sum of the ledger, and reserved is the sum of active reservations, for every position.</summary>
    public static Task AssertAsync(OmniFactory omni) => omni.InScope(async services =>
    {
        var db = services.GetRequiredService<InventoryDbContext>();
        var positions = await db.Positions.AsNoTracking().ToListAsync();
        var ledger = (await db.Movements.AsNoTracking().Select(m => new { m.LocationCode, m.Sku, m.Delta }).ToListAsync())
            .GroupBy(m => (m.LocationCode, m.Sku)).ToDictionary(g => g.Key, g => g.Sum(m => m.Delta));
        var active = (await db.Reservations.AsNoTracking().Where(r => r.Status == ReservationStatus.Active)
                .Select(r => new { r.LocationCode, r.Sku, r.Quantity }).ToListAsync())
            .GroupBy(r => (r.LocationCode, r.Sku)).ToDictionary(g => g.Key, g => g.Sum(r => r.Quantity));
        foreach (var p in positions)
        {
            Assert.Equal(ledger.GetValueOrDefault((p.LocationCode, p.Sku)), p.OnHand);
            Assert.Equal(active.GetValueOrDefault((p.LocationCode, p.Sku)), p.Reserved);
            Assert.True(p.Reserved >= 0);
        }
        return true;
    });
}
