using Omni.Common.Events.Subscriptions;
using Omni.Contracts.Orders;
using Omni.Customers.Loyalty;

namespace Omni.Customers.Subscriptions;

/// <summary>
/// Orders from every channel and store sales join the buyer's profile and earn points; a cancelled order takes back the
/// points it earned and gives back the points it was paid with.
/// </summary>
internal sealed class WhenOrderPlacedOrCancelled(PurchaseRecorder purchases, LoyaltyPoints loyalty, TimeProvider clock) : IEventSubscriber
{
    public IReadOnlyCollection<string> EventTypes { get; } = [OrderPlaced.EventType, OrderCancelled.EventType];

    public Task HandleAsync(StoredEvent e, CancellationToken ct) => e.Type == OrderPlaced.EventType
        ? purchases.RecordAsync(e.Read<OrderPlaced>(), e.OccurredAt, ct)
        : loyalty.ReverseAsync(e.Read<OrderCancelled>().OrderId, clock.GetUtcNow().UtcDateTime, ct);
}
