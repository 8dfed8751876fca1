using Microsoft.EntityFrameworkCore;
using Omni.Common;
using Omni.Common.Events.Subscriptions;
using Omni.Contracts.Returns;
using Omni.Customers.Data;
using Omni.Customers.Domain;

namespace Omni.Customers.Subscriptions;

/// <summary>Returns from every location join the customer's history; keyed by return id, so a redelivered event adds nothing.</summary>
internal sealed class WhenReturnReceived(CustomersDbContext db) : IEventSubscriber
{
    public const string Name = "customers.return-received";

    public IReadOnlyCollection<string> EventTypes { get; } = [ReturnReceived.EventType];

    public async Task HandleAsync(StoredEvent e, CancellationToken ct)
    {
        var received = e.Read<ReturnReceived>();
        if (await db.Returns.AnyAsync(r => r.ReturnId == received.ReturnId, ct)) return;
        var refund = Money.TryFromMajor(received.Refund.Amount, received.Refund.Currency, out var parsed) ? parsed : new Money(0, received.Refund.Currency);
        db.Returns.Add(new CustomerReturn
        {
            ReturnId = received.ReturnId, OrderId = received.OrderId, OrderNumber = received.OrderNumber, LocationCode = received.LocationCode,
            Units = received.Lines.Sum(l => l.Quantity), RefundMinor = refund.Minor, Currency = refund.Currency, RefundTo = received.RefundTo,
            ExchangeOrderId = received.ExchangeOrderId, ReceivedAt = e.OccurredAt,
        });
        await db.SaveChangesAsync(ct);
    }
}
