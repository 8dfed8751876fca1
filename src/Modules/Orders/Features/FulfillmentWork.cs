using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;
using Omni.Common.Errors;
using Omni.Contracts.Identity;
using Omni.Orders.Data;
using Omni.Orders.Domain;

namespace Omni.Orders.Features;

/// <summary>
/// The frame of every store action on a fulfillment: one transaction with the order locked, the move written before any
/// stock changes, then its effects, then the order follows its fulfillments. Two racing actions on one fulfillment: the
/// loser either sees the winner's status (409 from the transition table) or loses on the version token — never both win.
/// </summary>
internal sealed class FulfillmentWork(OrdersDbContext db, DbSession session, TimeProvider clock)
{
    public async Task<IResult> RunAsync(Guid id, ClaimsPrincipal user, Func<Fulfillment, DateTime, Task> move,
        Func<Fulfillment, Order, DateTime, Task> effects, CancellationToken ct)
    {
        try
        {
            return await session.InTransactionAsync<IResult>(async () =>
            {
                var orderId = await db.Fulfillments.Where(f => f.Id == id).Select(f => (Guid?)f.OrderId).FirstOrDefaultAsync(ct);
                if (orderId is not { } owner) return Problems.NotFound("Fulfillment", id.ToString());
                await OrderLock.WaitAsync(db, owner, ct);
                var fulfillment = await db.Fulfillments.FirstAsync(f => f.Id == id, ct);
                if (!user.MayActFor(fulfillment)) return Problems.ForStoreOnly(user.BoundStore());

                var now = clock.GetUtcNow().UtcDateTime;
                await move(fulfillment, now);
                await db.SaveChangesAsync(ct);
                var order = await db.Orders.FirstAsync(o => o.Id == owner, ct);
                await effects(fulfillment, order, now);
                await db.SaveChangesAsync(ct);
                order.FollowFulfillments(await db.Fulfillments.Where(f => f.OrderId == owner).ToListAsync(ct), now);
                await db.SaveChangesAsync(ct);
                return TypedResults.Ok(fulfillment.ToDetails(user));
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("invalid_transition", "Another action moved this fulfillment at the same time; reload it and try again.");
        }
    }
}

internal static class OrderLock
{
    /// <summary>
    /// On PostgreSQL, holds the order's row until the transaction ends, so changes to one order's fulfillments queue up and
    /// the order's status is derived from what the others committed. SQLite's write transaction already excludes other writers.
    /// </summary>
    public static async Task WaitAsync(OrdersDbContext db, Guid orderId, CancellationToken ct)
    {
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlAsync($"SELECT 1 FROM orders_orders WHERE id = {orderId} FOR UPDATE", ct);
    }

    /// <summary>As <see cref="WaitAsync"/>, but gives up at once when another transaction holds the order (background jobs skip it and come back later).</summary>
    public static async Task<bool> TryAsync(OrdersDbContext db, Guid orderId, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return true;
        await using var command = await db.Database.CommandAsync("SELECT 1 FROM orders_orders WHERE id = @id FOR UPDATE SKIP LOCKED", ct, ("id", orderId));
        return await command.ExecuteScalarAsync(ct) is not null;
    }
}
