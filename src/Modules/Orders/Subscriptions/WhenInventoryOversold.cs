using Microsoft.EntityFrameworkCore;
using Omni.Common.Events.Subscriptions;
using Omni.Contracts.Inventory;
using Omni.Contracts.Orders;
using Omni.Orders.Data;
using Omni.Orders.Domain;
using Omni.Orders.Features;
using Omni.Orders.Sourcing;

namespace Omni.Orders.Subscriptions;

/// <summary>
/// A till sale or a count left reservations uncovered: their units are sourced again elsewhere (or cancelled when nothing
/// can serve them). Only units not picked yet move: once picked, the goods are set aside in the back room and the stock
/// figure, not the promise, is what is wrong — the next count settles it.
/// </summary>
internal sealed class WhenInventoryOversold(OrdersDbContext db, Resourcing resourcing, TimeProvider clock) : IEventSubscriber
{
    public const string Name = "orders.resource-oversold";

    public IReadOnlyCollection<string> EventTypes { get; } = [InventoryOversold.EventType];

    public async Task HandleAsync(StoredEvent e, CancellationToken ct)
    {
        // At least once: an event handled before (its effects committed) must not withdraw the units a second time.
        if (await db.HandledEvents.AnyAsync(h => h.EventId == e.Id && h.Subscriber == Name, ct)) return;
        db.HandledEvents.Add(new HandledEvent { EventId = e.Id, Subscriber = Name, HandledAt = clock.GetUtcNow().UtcDateTime });

        var oversold = e.Read<InventoryOversold>();
        var byOrder = oversold.Uncovered.GroupBy(u => u.OrderId).OrderBy(g => g.Key).ToList();
        // Never wait for an order while this transaction may already hold stock rows (earlier events of the batch): a
        // store action or a cancellation holds the order and waits for those rows — a deadlock. A busy order fails the
        // delivery instead, and the runner redelivers it a moment later.
        foreach (var uncovered in byOrder)
            if (!await OrderLock.TryAsync(db, uncovered.Key, ct))
                throw new InvalidOperationException($"Order {uncovered.Key} is being changed; re-sourcing after {e.Type} {e.Id} is retried.");
        foreach (var uncovered in byOrder)
        {
            var order = await db.Orders.FirstOrDefaultAsync(o => o.Id == uncovered.Key, ct);
            if (order is null || order.Status is OrderStatus.Completed or OrderStatus.Cancelled) continue;
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var reservation in uncovered)
            {
                var fulfillment = await db.Fulfillments.FirstOrDefaultAsync(f => f.OrderId == order.Id && f.LocationCode == oversold.LocationCode
                    && f.Status == FulfillmentStatus.Allocated && f.Lines.Any(l => l.OrderLineId == reservation.OrderLineId && l.Quantity > 0), ct);
                if (fulfillment is null) continue;
                var item = fulfillment.Lines.First(l => l.OrderLineId == reservation.OrderLineId);
                var units = Math.Min(reservation.Quantity, item.Quantity);
                fulfillment.Withdraw(item, units, now);
                await db.SaveChangesAsync(ct);
                await resourcing.ResourceAsync(order, fulfillment, [(order.Lines.First(l => l.Id == item.OrderLineId), units)], "stock oversold", "system", now, ct);
                if (fulfillment.Status == FulfillmentStatus.Cancelled)
                    db.Publish(new FulfillmentCancelled(fulfillment.Id, order.Id, order.Number, fulfillment.LocationCode, "stock oversold"), now);
                await db.SaveChangesAsync(ct);
            }
            order.FollowFulfillments(await db.Fulfillments.Where(f => f.OrderId == order.Id).ToListAsync(ct), now);
        }
        await db.SaveChangesAsync(ct);
    }
}
