using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omni.Common.Data;
using Omni.Common.Hosting;
using Omni.Contracts.Inventory;
using Omni.Contracts.Orders;
using Omni.Orders.Data;
using Omni.Orders.Domain;

namespace Omni.Orders.Features;

internal sealed class PickupExpiryOptions
{
    public const string Section = "Omni:Fulfillment";

    /// <summary>How often each node looks for pickups past their hold.</summary>
    public TimeSpan ExpiryPollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many due pickups one tick expires at most.</summary>
    public int ExpiryBatchSize { get; set; } = 50;
}

/// <summary>
/// Uncollected pickups expire after their store's hold: the stock goes back on sale and <see cref="FulfillmentExpired"/>
/// lets Payments void what was authorized. Every node runs this. Each pickup expires in a transaction of its own that
/// first claims the pickup's order row with <c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL — the same lock every store
/// action takes — so two nodes never expire one pickup, and a pickup being handed over at that moment is skipped and
/// looked at again on the next tick (then it is no longer due). SQLite serializes writers, and the status is checked
/// again inside the transaction.
/// </summary>
internal sealed class ExpirePickups(IServiceScopeFactory scopes, IOptions<PickupExpiryOptions> options, TimeProvider clock,
    ILogger<ExpirePickups> logger) : BackgroundService
{
    private static readonly FulfillmentStatus[] Expirable = [FulfillmentStatus.ReadyForPickup];

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PollingLoop.RunAsync(async ct => await RunOnceAsync(ct) == options.Value.ExpiryBatchSize, options.Value.ExpiryPollInterval,
            logger, "Expiring pickups failed", clock, stoppingToken);

    /// <summary>Expires one batch of due pickups; returns how many were due.</summary>
    internal async Task<int> RunOnceAsync(CancellationToken ct)
    {
        List<(Guid Id, Guid OrderId)> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            due = [.. (await db.Fulfillments.AsNoTracking()
                .Where(f => Expirable.Contains(f.Status) && f.ExpiresAt <= now)
                .OrderBy(f => f.ExpiresAt).Take(options.Value.ExpiryBatchSize)
                .Select(f => new { f.Id, f.OrderId }).ToListAsync(ct)).Select(f => (f.Id, f.OrderId))];
        }
        foreach (var (id, orderId) in due) await ExpireAsync(id, orderId, ct);
        return due.Count;
    }

    private async Task ExpireAsync(Guid id, Guid orderId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        var stock = scope.ServiceProvider.GetRequiredService<IStockReservations>();
        await session.InTransactionAsync(async () =>
        {
            if (!await OrderLock.TryAsync(db, orderId, ct)) return false;
            var now = clock.GetUtcNow().UtcDateTime;
            var fulfillment = await db.Fulfillments.FirstAsync(f => f.Id == id, ct);
            if (!Expirable.Contains(fulfillment.Status) || fulfillment.ExpiresAt > now) return false;
            var store = fulfillment.HandoverLocationCode!;
            fulfillment.Expire(now);
            await db.SaveChangesAsync(ct);
            await stock.ReleaseUnitsAsync(fulfillment.Claims(fulfillment.StockLocationCode), "pickup expired", "system", now, ct);
            db.Publish(new FulfillmentExpired(fulfillment.Id, fulfillment.OrderId, fulfillment.OrderNumber, store, fulfillment.Amount.ToDto()), now);
            var order = await db.Orders.FirstAsync(o => o.Id == orderId, ct);
            order.FollowFulfillments(await db.Fulfillments.Where(f => f.OrderId == orderId).ToListAsync(ct), now);
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
    }
}
