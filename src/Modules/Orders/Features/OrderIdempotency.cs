using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;
using Omni.Orders.Data;

namespace Omni.Orders.Features;

/// <summary>Orders' side of the shared Idempotency-Key mechanism: a repeat answers with the order the first request created.</summary>
internal static class OrderIdempotency
{
    /// <summary>The order placed earlier under this key (or the 422 when it came with another body); null when the key is new.</summary>
    public static Task<Placement?> FindAsync(this Idempotency idempotency, OrdersDbContext db, CancellationToken ct) =>
        idempotency.FindAsync(db.IdempotencyKeys,
            async id => new Placement(await db.Orders.AsNoTracking().FirstAsync(o => o.Id == id, ct), Replayed: true, null),
            Placement.Refused, ct);

    /// <summary>The answer to a repeated request, or null when the key is new.</summary>
    public static async Task<IResult?> ReplayAsync(this Idempotency idempotency, OrdersDbContext db, CancellationToken ct) =>
        await idempotency.FindAsync(db, ct) switch
        {
            null => null,
            { Order: { } order } => TypedResults.Created($"/api/v1/orders/{order.Id}", order.ToDetails()),
            var refused => TypedResults.Problem(refused.Problem!),
        };

    public static void Remember(this Idempotency idempotency, OrdersDbContext db, Guid orderId, DateTime at) =>
        idempotency.Remember(db.IdempotencyKeys, orderId, at);
}
