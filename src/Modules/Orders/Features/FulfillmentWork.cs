using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;
using Omni.Common.Errors;
using Omni.Contracts.Identity;
using Omni.Orders.Data;
using Omni.Orders.Domain;

namespace Omni.Orders.Features;

/// <summary>
/// An action on fulfillment <paramref name="Id"/> as the client sent it: <paramref name="Name"/> scopes its Idempotency-Key
/// (from <paramref name="Http"/>, absent when a page calls the handler in process), <paramref name="Body"/> tells a retry
/// from another request.
/// </summary>
internal sealed record FulfillmentAction(Guid Id, string Name, HttpRequest? Http, object? Body = null);

/// <summary>
/// The frame of every store action on a fulfillment: one transaction with the order locked, the move written before any
/// stock changes, then its effects, then the order follows its fulfillments. Two racing actions on one fulfillment: the
/// loser either sees the winner's status (409 from the transition table) or loses on the version token — never both win.
/// With an Idempotency-Key the key is written in the action's transaction: a retry (a tablet that lost its answer) gets the
/// fulfillment back instead of <c>409 invalid_transition</c>, also when it raced the first attempt.
/// </summary>
// Keys live in orders_idempotency_keys with the orders' own; the resource they name is the fulfillment.
internal sealed class FulfillmentWork(OrdersDbContext db, DbSession session, TimeProvider clock)
{
    public async Task<IResult> RunAsync(FulfillmentAction action, ClaimsPrincipal user, Func<Fulfillment, DateTime, Task> move,
        Func<Fulfillment, Order, DateTime, Task> effects, CancellationToken ct)
    {
        var id = action.Id;
        Idempotency? idempotency = null;
        if (action.Http is { } http)
        {
            (idempotency, var badKey) = Idempotency.From(http, user.CallerId(), $"{action.Name}:{id}", action.Body);
            if (badKey is not null) return badKey;
            if (idempotency is not null && await ReplayAsync(idempotency, user, ct) is { } replay) return replay;
        }
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
                idempotency?.Remember(db.IdempotencyKeys, id, now);
                await db.SaveChangesAsync(ct);
                return TypedResults.Ok(fulfillment.ToDetails(user));
            }, ct);
        }
        catch (Exception e) when (idempotency is not null && e is DomainException or DbUpdateException)
        {
            // The same key may have committed while this attempt waited for the order: answer as it was answered.
            if (await ReplayAsync(idempotency, user, ct) is { } replay) return replay;
            if (e is DbUpdateConcurrencyException) return Raced();
            throw;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Raced();
        }
    }

    private Task<IResult?> ReplayAsync(Idempotency idempotency, ClaimsPrincipal user, CancellationToken ct) =>
        idempotency.ReplayAsync(db.IdempotencyKeys,
            async id => (IResult)TypedResults.Ok((await db.Fulfillments.AsNoTracking().FirstAsync(f => f.Id == id, ct)).ToDetails(user)), ct);

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Raced() =>
        Problems.Conflict("invalid_transition", "Another action moved this fulfillment at the same time; reload it and try again.");
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
