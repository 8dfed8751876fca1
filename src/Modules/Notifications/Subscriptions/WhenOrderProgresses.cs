using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Omni.Common.Events.Subscriptions;
using Omni.Contracts.Locations;
using Omni.Contracts.Orders;
using Omni.Contracts.Payments;
using Omni.Notifications.Data;

namespace Omni.Notifications.Subscriptions;

/// <summary>
/// Tells the customer what happened to their order: confirmation, ready for pickup (e-mail, and SMS when a phone is
/// known), shipped, refunded; schedules the pickup reminder and cancels it once the pickup is collected or expired.
/// Each message is keyed by its event, so a redelivery sends nothing.
/// </summary>
internal sealed class WhenOrderProgresses(NotificationsDbContext db, Notifier notifier, ILocationDirectory locations,
    IOptions<NotificationOptions> options) : IEventSubscriber
{
    public const string Name = "notifications";

    public IReadOnlyCollection<string> EventTypes { get; } =
    [
        OrderPlaced.EventType, FulfillmentReadyForPickup.EventType, FulfillmentShipped.EventType,
        FulfillmentHandedOver.EventType, FulfillmentExpired.EventType, PaymentRefunded.EventType,
    ];

    public async Task HandleAsync(StoredEvent e, CancellationToken ct)
    {
        switch (e.Type)
        {
            case var t when t == OrderPlaced.EventType:
                var placed = e.Read<OrderPlaced>();
                if (!await db.Contacts.AnyAsync(c => c.OrderId == placed.OrderId, ct))
                {
                    db.Contacts.Add(new OrderContact { OrderId = placed.OrderId, Number = placed.Number, Email = placed.CustomerEmail, Phone = placed.CustomerPhone, PlacedAt = e.OccurredAt });
                    await db.SaveChangesAsync(ct);
                }
                if (placed.CustomerEmail is { } email)
                    await notifier.EmailOnceAsync($"order-confirmation:{placed.OrderId}", email, Templates.OrderConfirmation(placed.Number, placed.Total, placed.Lines), ct);
                break;
            case var t when t == FulfillmentReadyForPickup.EventType:
                await ReadyForPickupAsync(e, e.Read<FulfillmentReadyForPickup>(), ct);
                break;
            case var t when t == FulfillmentShipped.EventType:
                var shipped = e.Read<FulfillmentShipped>();
                if (await ContactAsync(shipped.OrderId, ct) is { Email: { } to })
                    await notifier.EmailOnceAsync($"shipped:{shipped.FulfillmentId}", to, Templates.Shipped(shipped.OrderNumber, shipped.Carrier, shipped.TrackingNumber), ct);
                break;
            case var t when t == FulfillmentHandedOver.EventType:
                await CancelReminderAsync(e.Read<FulfillmentHandedOver>().FulfillmentId, ct);
                break;
            case var t when t == FulfillmentExpired.EventType:
                await CancelReminderAsync(e.Read<FulfillmentExpired>().FulfillmentId, ct);
                break;
            case var t when t == PaymentRefunded.EventType:
                var refunded = e.Read<PaymentRefunded>();
                var contact = await ContactAsync(refunded.OrderId, ct);
                if ((refunded.CustomerEmail ?? contact?.Email) is { } recipient)
                    await notifier.EmailOnceAsync($"refund:{e.Id}", recipient, Templates.Refunded(contact?.Number ?? refunded.OrderId.ToString(), refunded.Amount,
                        refunded.Destination == "storeCredit", refunded.StoreCreditId), ct);
                break;
        }
    }

    private async Task ReadyForPickupAsync(StoredEvent e, FulfillmentReadyForPickup ready, CancellationToken ct)
    {
        var contact = await ContactAsync(ready.OrderId, ct);
        var (store, expiresLocal) = await StoreTime.LocalAsync(locations, ready.LocationCode, ready.ExpiresAt, ct);
        if ((ready.CustomerEmail ?? contact?.Email) is { } email)
        {
            await notifier.EmailOnceAsync($"ready-for-pickup:{ready.FulfillmentId}", email, Templates.ReadyForPickup(ready.OrderNumber, store, ready.PickupCode, expiresLocal), ct);
            // A reminder only makes sense when there is time left before it: a pickup held for less than the lead gets none.
            var due = ready.ExpiresAt - options.Value.ReminderLead;
            if (due > e.OccurredAt && !await db.Reminders.AnyAsync(r => r.FulfillmentId == ready.FulfillmentId, ct))
            {
                db.Reminders.Add(new PickupReminder
                {
                    FulfillmentId = ready.FulfillmentId, OrderId = ready.OrderId, OrderNumber = ready.OrderNumber, LocationCode = ready.LocationCode,
                    PickupCode = ready.PickupCode, Email = email, ExpiresAt = ready.ExpiresAt, DueAt = due, Status = ReminderStatus.Pending,
                });
                await db.SaveChangesAsync(ct);
            }
        }
        if (contact?.Phone is { } phone)
            await notifier.SmsOnceAsync($"ready-for-pickup-sms:{ready.FulfillmentId}", phone, Templates.ReadyForPickupSms(ready.OrderNumber, store, ready.PickupCode), ct);
    }

    private Task<int> CancelReminderAsync(Guid fulfillmentId, CancellationToken ct) =>
        db.Reminders.Where(r => r.FulfillmentId == fulfillmentId && r.Status == ReminderStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReminderStatus.Cancelled), ct);

    private Task<OrderContact?> ContactAsync(Guid orderId, CancellationToken ct) => db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.OrderId == orderId, ct);
}
