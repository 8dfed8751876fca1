using Omni.Common;
using Omni.Common.Events;
using Omni.Common.Events.Subscriptions;
using Omni.Contracts.Orders;

namespace Omni.Payments.Subscriptions;

/// <summary>
/// Moves order payments as fulfillment happens: capture what shipped or was handed over, void what a cancelled order
/// still holds, void or refund what an expired pickup or cancelled lines no longer owe. One subscriber for all of them,
/// so they apply in feed order. Every movement is keyed by the event's own identity, so a redelivery moves nothing.
/// </summary>
internal sealed class WhenOrderFulfilledOrReleased(PaymentLedger ledger) : IEventSubscriber
{
    public const string Name = "payments";

    public IReadOnlyCollection<string> EventTypes { get; } =
    [
        FulfillmentShipped.EventType, FulfillmentHandedOver.EventType, FulfillmentExpired.EventType,
        OrderLinesCancelled.EventType, OrderCancelled.EventType,
    ];

    public async Task HandleAsync(StoredEvent e, CancellationToken ct)
    {
        switch (e.Type)
        {
            case var t when t == FulfillmentShipped.EventType:
                var shipped = e.Read<FulfillmentShipped>();
                await ledger.CaptureAsync(shipped.OrderId, shipped.FulfillmentId, Of(shipped.Amount), ct);
                break;
            case var t when t == FulfillmentHandedOver.EventType:
                var handedOver = e.Read<FulfillmentHandedOver>();
                await ledger.CaptureAsync(handedOver.OrderId, handedOver.FulfillmentId, Of(handedOver.Amount), ct);
                break;
            case var t when t == FulfillmentExpired.EventType:
                var expired = e.Read<FulfillmentExpired>();
                await ledger.ReleaseAsync(expired.OrderId, Of(expired.Amount), "pickup_expired", $"release:{expired.FulfillmentId}", expired.FulfillmentId, ct);
                break;
            case var t when t == OrderLinesCancelled.EventType:
                var lines = e.Read<OrderLinesCancelled>();
                await ledger.ReleaseAsync(lines.OrderId, Of(lines.Amount), lines.Reason, $"release:{e.Id}", null, ct);
                break;
            case var t when t == OrderCancelled.EventType:
                var cancelled = e.Read<OrderCancelled>();
                await ledger.VoidRemainderAsync(cancelled.OrderId, cancelled.Reason ?? "order_cancelled", $"void:{cancelled.OrderId}", ct);
                break;
        }
    }

    private static Money Of(MoneyDto dto) => Money.TryFromMajor(dto.Amount, dto.Currency, out var money)
        ? money : throw new InvalidOperationException($"{dto.Amount} {dto.Currency} is not an amount of money.");
}
