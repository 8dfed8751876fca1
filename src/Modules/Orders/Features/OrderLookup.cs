using Microsoft.EntityFrameworkCore;
using Omni.Common;
using Omni.Contracts.Orders;
using Omni.Orders.Data;
using Omni.Orders.Domain;

namespace Omni.Orders.Features;

/// <summary>Orders as other modules may read them (returns read what was bought and paid).</summary>
internal sealed class OrderLookup(OrdersDbContext db) : IOrderLookup
{
    public async Task<OrderSnapshot?> FindAsync(Guid orderId, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null) return null;
        return new OrderSnapshot(order.Id, order.Number, order.Channel, order.Status.ToString().ToLowerInvariant(), order.Currency, order.PlacedAt,
            order.Status == OrderStatus.Completed ? order.ClosedAt : null,
            new OrderCustomer(order.CustomerEmail, order.CustomerName, order.CustomerPhone),
            order.Lines.OrderBy(l => l.LineNumber).Select(l => new OrderLineSnapshot(l.Id, l.LineNumber, l.Sku, l.Name, l.Quantity,
                new Money(l.UnitPriceMinor, order.Currency), new Money(l.UnitPriceMinor, order.Currency).Times(l.Quantity))).ToList());
    }
}
