using Omni.Common.Hosting;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Omni.Common.Events;
using Omni.Contracts.Inventory;
using Omni.Inventory.Data;

namespace Omni.Inventory.Stock;

/// <summary>
/// Keeps <see cref="StockView"/> in step with the database: loads every position at start, then follows the event
/// feed (events in commit order, by position) for changes made on any node, and reloads everything now and then as a
/// safety net. Events carry absolute levels with versions, so replaying one twice or late is harmless.
/// </summary>
internal sealed class StockViewFeeder(IServiceScopeFactory scopes, StockView view, TimeProvider clock, ILogger<StockViewFeeder> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan FullRefresh = TimeSpan.FromMinutes(10);
    private const int Batch = 2000;

    private long _position;
    private DateTimeOffset _loadedAt;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PollingLoop.RunAsync(TickAsync, Tick, logger, "Updating the in-memory stock view failed (availability reads the database until it recovers)", clock, stoppingToken);

    private async Task<bool> TickAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InventoryDbContext>();
        if (!view.Ready || clock.GetUtcNow() - _loadedAt > FullRefresh) await LoadAllAsync(db, ct);
        else while (await FollowAsync(db, ct) == Batch) { }
        return false;
    }

    private async Task LoadAllAsync(InventoryDbContext db, CancellationToken ct)
    {
        // The head is read first: whatever changes while the positions load is replayed from the feed afterwards.
        var head = await db.Outbox.MaxAsync(e => e.Position, ct) ?? 0;
        var levels = await db.Positions.AsNoTracking()
            .Select(p => new StockLevel(p.LocationCode, p.Sku, p.OnHand, p.Reserved, p.SafetyStock, p.Version, p.Unsellable))
            .ToListAsync(ct);
        view.Load(levels);
        _position = head;
        _loadedAt = clock.GetUtcNow();
    }

    private async Task<int> FollowAsync(InventoryDbContext db, CancellationToken ct)
    {
        var events = await db.Outbox.AsNoTracking()
            .Where(e => e.Position > _position)
            .OrderBy(e => e.Position)
            .Take(Batch)
            .Select(e => new { e.Position, e.Type, e.Data })
            .ToListAsync(ct);
        foreach (var e in events)
        {
            if (e.Type == InventoryChanged.EventType)
            {
                var changed = JsonSerializer.Deserialize<InventoryChanged>(e.Data, EventJson.Options)!;
                view.Apply(new StockLevel(changed.LocationCode, changed.Sku, changed.OnHand, changed.Reserved, changed.SafetyStock, changed.Version, changed.Unsellable));
            }
            else if (e.Type == InventorySnapshotApplied.EventType)
            {
                // A snapshot announces itself once instead of once per position: read the location back.
                var location = JsonSerializer.Deserialize<InventorySnapshotApplied>(e.Data, EventJson.Options)!.LocationCode;
                var levels = await db.Positions.AsNoTracking().Where(p => p.LocationCode == location)
                    .Select(p => new StockLevel(p.LocationCode, p.Sku, p.OnHand, p.Reserved, p.SafetyStock, p.Version, p.Unsellable))
                    .ToListAsync(ct);
                foreach (var level in levels) view.Apply(level);
            }
            _position = e.Position!.Value;
        }
        return events.Count;
    }
}
