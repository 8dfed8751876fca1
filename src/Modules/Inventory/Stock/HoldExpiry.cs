using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Omni.Common.Data;
using Omni.Common.Hosting;
using Omni.Inventory.Data;
using Omni.Inventory.Domain;

namespace Omni.Inventory.Stock;

/// <summary>
/// Gives the units of expired holds back to available stock. Every node runs it: on PostgreSQL each batch claims its
/// rows with <c>FOR UPDATE SKIP LOCKED</c>, so nodes share the work instead of queueing on each other; on SQLite the
/// write transaction excludes other writers. Either way each release is a conditional update that only the first
/// closer wins (<see cref="StockReservations.ReleaseHeldAsync"/>), so a hold is never released twice.
/// </summary>
internal sealed class HoldExpiry(IServiceScopeFactory scopes, TimeProvider clock, ILogger<HoldExpiry> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private const int Batch = 100;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PollingLoop.RunAsync(ReleaseExpiredAsync, Tick, logger, "Releasing expired stock holds failed", clock, stoppingToken);

    /// <summary>Releases one batch of expired holds; true when there may be more.</summary>
    internal async Task<bool> ReleaseExpiredAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InventoryDbContext>();
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        var reservations = scope.ServiceProvider.GetRequiredService<StockReservations>();
        var now = clock.GetUtcNow().UtcDateTime;
        // A cheap look outside any transaction first: most ticks find nothing and should not queue for the write lock.
        if (!await db.Reservations.AnyAsync(r => r.Status == ReservationStatus.Active && r.ExpiresAt <= now, ct)) return false;

        return await session.InTransactionAsync(async () =>
        {
            var active = nameof(ReservationStatus.Active);
            var expired = session.Provider == DatabaseProvider.Postgres
                ? await db.Reservations.FromSql($"""
                    SELECT * FROM inventory_reservations WHERE status = {active} AND expires_at <= {now}
                    ORDER BY location_code, sku, id LIMIT {Batch} FOR UPDATE SKIP LOCKED
                    """).AsNoTracking().ToListAsync(ct)
                : await db.Reservations.AsNoTracking()
                    .Where(r => r.Status == ReservationStatus.Active && r.ExpiresAt <= now)
                    .OrderBy(r => r.LocationCode).ThenBy(r => r.Sku).ThenBy(r => r.Id)
                    .Take(Batch).ToListAsync(ct);
            // The same (location, SKU) order as every other writer of positions, so an expiry never deadlocks a checkout.
            foreach (var held in expired.OrderBy(r => r.LocationCode, StringComparer.Ordinal).ThenBy(r => r.Sku, StringComparer.Ordinal).ThenBy(r => r.Id))
                await reservations.ReleaseHeldAsync(held, "hold_expired", now, ct);
            await db.SaveChangesAsync(ct);
            return expired.Count == Batch;
        }, ct);
    }
}
