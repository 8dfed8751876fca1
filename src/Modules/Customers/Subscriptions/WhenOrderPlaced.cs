using Omni.Common.Events.Subscriptions;
using Omni.Contracts.Orders;
using Omni.Customers.Loyalty;

namespace Omni.Customers.Subscriptions;

/// <summary>Orders from every channel and store sales join the buyer's profile and earn points.</summary>
internal sealed class WhenOrderPlaced(PurchaseRecorder purchases) : IEventSubscriber
{
    public IReadOnlyCollection<string> EventTypes { get; } = [OrderPlaced.EventType];

    public Task HandleAsync(StoredEvent e, CancellationToken ct) => purchases.RecordAsync(e.Read<OrderPlaced>(), e.OccurredAt, ct);
}
