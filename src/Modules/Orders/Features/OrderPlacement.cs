using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;
using Omni.Common.Errors;
using Omni.Contracts.Catalog;
using Omni.Contracts.Customers;
using Omni.Contracts.Inventory;
using Omni.Contracts.Locations;
using Omni.Contracts.Orders;
using Omni.Contracts.Payments;
using Omni.Contracts.Pricing;
using Omni.Orders.Data;
using Omni.Orders.Domain;
using Omni.Orders.Sourcing;

namespace Omni.Orders.Features;

/// <summary>What placing an order came to: the order (new, or replayed for its idempotency key) or the problem to answer.</summary>
internal sealed record Placement(Order? Order, bool Replayed, ProblemDetails? Problem)
{
    public static Placement Refused(IResult problem) => new(null, false, problem switch
    {
        ProblemHttpResult p => p.ProblemDetails,
        ValidationProblem v => v.ProblemDetails,
        _ => throw new ArgumentException($"Not a problem result: {problem.GetType().Name}.", nameof(problem)),
    });

    public static Placement Refused(DomainException refusal) =>
        Refused(Problems.Problem(refusal.Status, refusal.Code, refusal.Message, refusal.Extensions));
}

/// <summary>
/// Places orders, the one code path of <c>POST /orders</c> (<see cref="PlaceOrder"/>) and of every module placing
/// orders (<see cref="IOrderPlacement"/>): the same validation, catalog snapshot, sourcing optimizer and
/// <see cref="Admission"/> (pricing, reservation, payment, fulfillments).
/// <see cref="PlaceAsync(PlaceOrderRequest, OrderPlacementOptions, CancellationToken)"/> runs its own transaction:
/// sourcing reads stock before it to keep row locks short; the reservation itself is a conditional update, so a plan
/// made on a stale read can never oversell — it fails, and the order is sourced again on fresh stock.
/// <see cref="PlaceWithinAsync"/> runs inside the caller's transaction.
/// </summary>
internal sealed class OrderPlacement(
    OrdersDbContext db, DbSession session, ICatalogLookup catalog, ILocationDirectory directory,
    IStockLevels stock, IStockReservations reservations, SourcingSignals signals, IPricing pricing, IPayments payments, ICustomerDirectory customers,
    ILoyaltyPoints loyalty, TimeProvider clock) : IOrderPlacement
{
    private const int Attempts = 4;

    public async Task<OrderPlacementResult> PlaceAsync(PlaceOrderRequest request, OrderPlacementOptions options, CancellationToken ct)
    {
        var placement = await PlaceOrderAsync(request, options, ct);
        return new(placement.Order is { } o ? new PlacedOrder(o.Id, o.Number, o.Total, placement.Replayed) : null, placement.Problem);
    }

    public async Task<Placement> PlaceOrderAsync(PlaceOrderRequest request, OrderPlacementOptions options, CancellationToken ct)
    {
        var locations = await directory.AllAsync(ct);
        var errors = PlaceOrder.Validate(request, locations);
        if (!errors.IsValid) return Placement.Refused(errors.ToProblem());

        var idempotency = options.IdempotencyKey is { } key ? Idempotency.For(key, request) : null;
        var (skus, variants) = await PlaceOrder.SnapshotAsync(request.Lines!, catalog, errors, ct);
        if (!errors.IsValid) return Placement.Refused(errors.ToProblem());
        string currency;
        try { currency = PlaceOrder.CurrencyOf(variants); }
        catch (DomainException mixed) { return Placement.Refused(mixed); }

        if (await PricedThroughEngine.CheckAsync(pricing, request.Coupons, request.Customer?.Email, ct) is { } refusedEarly)
            return await ReplayOrAsync(idempotency, Placement.Refused(refusedEarly), ct);

        var admission = new Admission(db, reservations, pricing, payments, customers, loyalty, locations);
        var sourcingLines = PlaceOrder.SourcingLines(request, variants);
        var sourcing = await signals.InputAsync(request.Channel!.Value, PlaceOrder.Destination(request), locations, ct);
        var held = options.HoldId is { } holdId ? await reservations.HeldAsync(holdId, clock.GetUtcNow().UtcDateTime, ct) : [];
        IReadOnlyList<string> shortSkus = [];
        // The first plan uses this node's stock view; a refusal or a lost race is always re-checked on the database.
        var fresh = false;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            // A hold being converted into this order keeps its units for it.
            var levels = (fresh ? await stock.ForSkusAsync(skus, ct) : await stock.RecentForSkusAsync(skus, ct)).CountingHeldAsAvailable(held);
            var sourced = SourcingOptimizer.Plan(sourcingLines, sourcing with { Stock = levels });
            if (!sourced.Plan.Complete)
            {
                if (!fresh) { fresh = true; continue; }
                return await ReplayOrAsync(idempotency, Placement.Refused(PlaceOrder.InsufficientStock(sourced.Plan.ShortSkus)), ct);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var order = PlaceOrder.Build(request, variants, sourced.Plan, currency, options.Actor, now);
            await session.BeginAsync(ct);
            try
            {
                var admitted = await admission.AdmitAsync(order, request, variants, sourced, options.HoldId, options.Actor, now, ct);
                if (admitted.ShortSkus.Count > 0)
                {
                    shortSkus = admitted.ShortSkus;
                    await session.RollbackAsync();
                    fresh = true;
                    continue;
                }
                if (admitted.Refusal is { } refused)
                {
                    await session.RollbackAsync();
                    return await ReplayOrAsync(idempotency, Placement.Refused(refused), ct);
                }
                idempotency?.Remember(db, order.Id, now);
                await db.SaveChangesAsync(ct);
                if (options.BeforeCommit is { } beforeCommit) await beforeCommit(new PlacedOrder(order.Id, order.Number, order.Total, Replayed: false), ct);
                await session.CommitAsync(ct);
                signals.Took(sourced.Plan.Allocations.Where(a => order.Lines[a.LineIndex].Method != FulfillmentMethod.CarryOut).Select(a => a.LocationCode));
                return new Placement(order, Replayed: false, null);
            }
            catch (DbUpdateException e) when (idempotency is not null && UniqueViolation.Is(e))
            {
                // Another request with the same key committed first; answer as it was answered.
                await session.RollbackAsync();
                if (await idempotency.FindAsync(db, ct) is { } concurrentReplay) return concurrentReplay;
                throw;
            }
            catch
            {
                await session.RollbackAsync();
                throw;
            }
        }
        return await ReplayOrAsync(idempotency, Placement.Refused(PlaceOrder.InsufficientStock(shortSkus)), ct);
    }

    public async Task<PlacedOrder> PlaceWithinAsync(NewOrder order, string actor, CancellationToken ct)
    {
        var request = new PlaceOrderRequest(order.Channel,
            order.Customer is { } c ? new CustomerInput(c.Email, c.Name, c.Phone) : null,
            order.ShippingAddress is { } a ? new AddressInput(a.Line1, a.Line2, a.City, a.PostalCode, a.Country, a.Latitude, a.Longitude) : null,
            order.Lines.Select(l => new OrderLineInput(l.Sku!, l.Quantity, new FulfillmentInput(l.Method, l.LocationCode))).ToList());
        var locations = await directory.AllAsync(ct);
        var errors = PlaceOrder.Validate(request, locations);
        if (!errors.IsValid) throw errors.ToException();
        var (skus, variants) = await PlaceOrder.SnapshotAsync(request.Lines!, catalog, errors, ct);
        if (!errors.IsValid) throw errors.ToException();
        var currency = PlaceOrder.CurrencyOf(variants);

        // Inside the caller's write transaction the database read is the truth (SQLite) or close to it (PostgreSQL, where
        // the conditional reservation still has the last word).
        var input = await signals.InputAsync(order.Channel, PlaceOrder.Destination(request), locations, ct);
        var sourced = SourcingOptimizer.Plan(PlaceOrder.SourcingLines(request, variants), input with { Stock = await stock.ForSkusAsync(skus, ct) });
        if (!sourced.Plan.Complete) throw PlaceOrder.InsufficientStock(sourced.Plan.ShortSkus);
        var now = clock.GetUtcNow().UtcDateTime;
        var placed = PlaceOrder.Build(request, variants, sourced.Plan, currency, actor, now);
        var admitted = await new Admission(db, reservations, pricing, payments, customers, loyalty, locations).AdmitAsync(placed, request, variants, sourced, holdId: null, actor, now, ct);
        if (admitted.ShortSkus.Count > 0) throw PlaceOrder.InsufficientStock(admitted.ShortSkus);
        if (admitted.Refusal is not null) throw new DomainException("order_refused", "The new order was refused by pricing or payment.");
        await db.SaveChangesAsync(ct);
        return new PlacedOrder(placed.Id, placed.Number, placed.Total, Replayed: false);
    }

    /// <summary>
    /// There is no up-front idempotency lookup (the key's unique index catches a repeat when it commits); so before
    /// refusing, make sure this is not the retry of an order that was accepted when it still could be.
    /// </summary>
    private async Task<Placement> ReplayOrAsync(Idempotency? idempotency, Placement refusal, CancellationToken ct) =>
        idempotency is not null && await idempotency.FindAsync(db, ct) is { } replay ? replay : refusal;
}
