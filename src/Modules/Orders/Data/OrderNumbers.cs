using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;

namespace Omni.Orders.Data;

internal static class OrderNumbers
{
    /// <summary>The next order number; call inside the order's write transaction.</summary>
    public static Task<long> NextAsync(OrdersDbContext db, CancellationToken ct) =>
        db.Database.IsNpgsql()
            ? db.Database.ScalarInt64Async($"SELECT nextval('{OrdersDbContext.NumberSequence}')", ct)
            : db.Database.ScalarInt64Async("SELECT COALESCE(MAX(sequence_number), 0) + 1 FROM orders_orders", ct);
}
