using Microsoft.EntityFrameworkCore;
using Omni.Contracts.Orders;
using Omni.Orders.Data;
using Omni.Orders.Domain;

namespace Omni.Orders;

/// <summary>A customer's orders from every channel, for the Customers module's 360 view and GDPR requests.</summary>
internal sealed class OrderHistory(OrdersDbContext db) : IOrderHistory
{
    public async Task<IReadOnlyList<OrderHistoryEntry>> ForCustomerAsync(CustomerOrderQuery query, int limit, CancellationToken ct)
    {
        var orders = await Matching(db, query).OrderByDescending(o => o.PlacedAt).Take(limit).ToListAsync(ct);
        return orders.Select(o => new OrderHistoryEntry(o.Id, o.Number, o.Channel.ToString().ToLowerInvariant(),
            o.Status.ToString().ToLowerInvariant(), o.Total.ToDto(), o.PlacedAt, o.Lines.Count,
            o.Lines.Select(l => l.LocationCode).Concat(o.Lines.SelectMany(l => l.Allocations.Select(a => a.LocationCode)))
                .OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList())).ToList();
    }

    /// <summary>
    /// Orders keep the phone as it was typed; the Customers module knows it in E.164. Dropping the usual separators on
    /// both sides matches "+33 6 00-00" to "+33600". A full scan of the phone column, acceptable for one customer's history.
    /// </summary>
    internal static IQueryable<Order> Matching(OrdersDbContext db, CustomerOrderQuery query)
    {
        var emails = query.Emails.ToList();
        var phones = query.Phones.ToList();
        var ids = query.OrderIds.ToList();
        return db.Orders.AsNoTracking().AsSplitQuery().Where(o =>
            ids.Contains(o.Id)
            || (o.CustomerEmail != null && emails.Contains(o.CustomerEmail))
            || (o.CustomerPhone != null && phones.Contains(o.CustomerPhone.Replace(" ", "").Replace("-", "").Replace(".", "").Replace("(", "").Replace(")", ""))));
    }
}
