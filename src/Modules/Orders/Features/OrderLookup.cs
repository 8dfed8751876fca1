using Microsoft.EntityFrameworkCore;
using Omni.Common;
using Omni.Contracts.Orders;
using Omni.Orders.Data;
using Omni.Orders.Domain;

namespace Omni.Orders.Features;

/// <summary>Orders as other modules may read them (returns read what was bought and paid).</summary>
internal sealed class OrderLookup(OrdersDbContext db) : IOrderLookup
{
    public async Task<OrderSnapshot?> FindAsync(Guid orderId, CancellationToken ct) =>
        Snapshot(await db.Orders.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(o => o.Id == orderId, ct));

    public async Task<OrderSnapshot?> FindByNumberAsync(string number, CancellationToken ct)
    {
        var wanted = number.Trim().ToUpperInvariant();
        return Snapshot(await db.Orders.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(o => o.Number == wanted, ct));
    }

    private static OrderSnapshot? Snapshot(Order? order)
    {
        if (order is null) return null;
        return new OrderSnapshot(order.Id, order.Number, order.Channel, order.Status.ToString().ToLowerInvariant(), order.Currency, order.PlacedAt,
            order.Status == OrderStatus.Completed ? order.ClosedAt : null,
            new OrderCustomer(order.CustomerEmail, order.CustomerName, order.CustomerPhone),
            order.Lines.OrderBy(l => l.LineNumber).Select(l => Snapshot(l, order)).ToList());
    }

    // Cancelled units were never paid for (their payment is released): what is left is what was bought, at its share of the line.
    private static OrderLineSnapshot Snapshot(OrderLine line, Order order)
    {
        var kept = line.Quantity - line.CancelledQuantity;
        var paid = line.TotalMinor(order.TaxIncluded);
        return new OrderLineSnapshot(line.Id, line.LineNumber, line.Sku, line.Name, kept, new Money(line.UnitPriceMinor, order.Currency),
            new Money(line.Quantity == 0 ? 0 : paid * kept / line.Quantity, order.Currency));
    }
}
