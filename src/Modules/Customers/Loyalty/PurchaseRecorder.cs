using Microsoft.EntityFrameworkCore;
using Omni.Common;
using Omni.Contracts.Customers;
using Omni.Contracts.Orders;
using Omni.Customers.Data;
using Omni.Customers.Domain;

namespace Omni.Customers.Loyalty;

/// <summary>
/// An order or store sale joins the buyer's profile (resolved from its e-mail and phone, created if new) and earns
/// points. Keyed by order id, so an event delivered twice links and pays once. A sale without contact data stays anonymous.
/// </summary>
internal sealed class PurchaseRecorder(CustomersDbContext db, ICustomerDirectory directory, LoyaltyPoints loyalty)
{
    public async Task RecordAsync(OrderPlaced order, DateTime at, CancellationToken ct)
    {
        if (order.CustomerId is null && order.CustomerEmail is null && order.CustomerPhone is null) return;
        if (await db.Purchases.AnyAsync(p => p.OrderId == order.OrderId, ct)) return;
        var identities = new CustomerIdentities(order.CustomerEmail, order.CustomerPhone, Name: order.CustomerName);
        CustomerResolution customer;
        // Orders resolve their customer at placement; events from before that still carry only contact data.
        if (order.CustomerId is { } known) customer = new CustomerResolution(known, Created: false);
        // A phone the directory cannot read as a number, and nothing else: the sale stays anonymous.
        else try { customer = await directory.ResolveAsync(identities, ct); }
        catch (ArgumentException) { return; }

        var total = new Money(0, order.Total.Currency);
        if (Money.TryFromMajor(order.Total.Amount, order.Total.Currency, out var parsed)) total = parsed;
        db.Purchases.Add(new Purchase
        {
            OrderId = order.OrderId, CustomerId = customer.CustomerId, Number = order.Number, Channel = order.Channel,
            TotalMinor = total.Minor, Currency = total.Currency, PlacedAt = at,
        });
        await loyalty.EarnAsync(customer.CustomerId, order.OrderId, total, at, ct);
        await db.SaveChangesAsync(ct);
    }
}
