using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;
using Omni.Orders.Data;

namespace Omni.Orders.Features;

/// <summary>Orders' side of the shared Idempotency-Key mechanism: a repeat answers with the order the first request created.</summary>
internal static class OrderIdempotency
{
    public static Task<IResult?> ReplayAsync(this Idempotency idempotency, OrdersDbContext db, CancellationToken ct) =>
        idempotency.ReplayAsync(db.IdempotencyKeys, async id =>
        {
            var order = await db.Orders.AsNoTracking().FirstAsync(o => o.Id == id, ct);
            return TypedResults.Created($"/api/v1/orders/{order.Id}", order.ToDetails());
        }, ct);

    public static void Remember(this Idempotency idempotency, OrdersDbContext db, Guid orderId, DateTime at) =>
        idempotency.Remember(db.IdempotencyKeys, orderId, at);
}
