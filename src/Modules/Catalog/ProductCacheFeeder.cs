using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Omni.Catalog.Data;
using Omni.Common.Events;
using Omni.Common.Hosting;
using Omni.Contracts.Catalog;

namespace Omni.Catalog;

/// <summary>
/// Drops a product from this node's <see cref="ProductCache"/> when the event feed (every node's commits, in commit order)
/// reports it created or updated. It starts at the feed's head with an empty cache; if reading the feed fails, the
/// cache stops caching until the feeder starts again, since changes may be passing unseen.
/// </summary>
internal sealed class ProductCacheFeeder(IServiceScopeFactory scopes, ProductCache cache, TimeProvider clock, ILogger<ProductCacheFeeder> logger)
    : BackgroundService
{
    // Products change a few times a day; a fifth of a second is how long another node may show the old one.
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(200);
    private static readonly string[] Types = [ProductCreated.EventType, ProductUpdated.EventType];

    private long? _position;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PollingLoop.RunAsync(TickAsync, Tick, logger, "Following catalog changes failed (product pages read the database until it recovers)",
            clock, stoppingToken);

    private async Task<bool> TickAsync(CancellationToken ct)
    {
        try
        {
            await FollowAsync(ct);
            return false;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            _position = null;
            cache.StopFollowing();
            throw;
        }
    }

    private async Task FollowAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        // Positions are assigned after commit, in commit order: a change committed after this read lands above the head.
        var head = await db.Outbox.MaxAsync(e => e.Position, ct) ?? 0;
        if (_position is not { } position)
        {
            _position = head;
            cache.StartFollowing();
            return;
        }
        if (head <= position) return;

        var changes = await db.Outbox.AsNoTracking()
            .Where(e => e.Position > position && e.Position <= head && Types.Contains(e.Type))
            .Select(e => e.Data)
            .ToListAsync(ct);
        // Both event types carry the product's code; which of the two it was does not matter here.
        foreach (var data in changes) cache.Invalidate(JsonSerializer.Deserialize<ProductUpdated>(data, EventJson.Options)!.Code);
        _position = head;
    }
}
