using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;
using Omni.Common.Errors;
using Omni.Common.Validation;
using Omni.Contracts;
using Omni.Contracts.Catalog;
using Omni.Contracts.Identity;
using Omni.Contracts.Inventory;
using Omni.Contracts.Locations;
using Omni.Contracts.Orders;
using Omni.Contracts.Payments;
using Omni.Contracts.Returns;
using Omni.Returns.Data;
using Omni.Returns.Domain;

namespace Omni.Returns.Features;

/// <summary>
/// The one path by which goods come back, at the counter (<see cref="CreateReturn"/>) or as a return started online
/// (<see cref="Requests.ReceiveReturnRequest"/>): any order from any channel, at any location that takes returns, even one that
/// never stocked the goods. In one transaction: the request being received is claimed, the returned units are counted
/// against what was bought (a conditional upsert, so parallel returns cannot pass it), the stock lands at the receiving
/// location (on hand, or unsellable), an exchange order is placed, and the refund is computed and asked of the payment
/// provider. Any refusal leaves nothing behind.
/// </summary>
internal sealed class ReturnDesk(ReturnsDbContext db, DbSession session, IOrderLookup orders, ICatalogLookup catalog, ILocationDirectory directory,
    IStockFacts stock, IOrderPlacement placement, ReturnedQuantities returned, TimeProvider clock, IServiceProvider services)
{
    /// <summary>
    /// The location a return is brought to, or why <paramref name="user"/> cannot bring it there (unknown, takes no returns,
    /// another store's): a return received and a return requested online are held to the same rule.
    /// </summary>
    internal static async Task<(LocationSnapshot Location, IResult? Refused)> ReturnLocationAsync(string locationCode, Validator errors,
        ILocationDirectory directory, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!(await directory.AllAsync(ct)).TryGetValue(locationCode, out var location))
            return (null!, errors.Add("locationCode", $"Location '{locationCode}' does not exist.").ToProblem());
        if (!location.Can(LocationCapability.Returns))
            return (location, errors.Add("locationCode", $"Location '{locationCode}' does not take returns.").ToProblem());
        return (location, user.MayActFor(locationCode) ? null : Problems.ForStoreOnly(user.BoundStore()));
    }

    /// <summary>
    /// Receives <paramref name="request"/>. <paramref name="expected"/> is the tracked return request it fulfils, if any:
    /// its window was judged when it was made, so the policy's window is applied as of then; the condition is judged now.
    /// </summary>
    public async Task<IResult> ReceiveAsync(CreateReturnRequest request, Idempotency? idempotency, ClaimsPrincipal user, ReturnRequest? expected,
        CancellationToken ct)
    {
        var errors = ReturnInput.Validate(request);
        if (!errors.IsValid) return errors.ToProblem();
        var locationCode = request.LocationCode!.ToUpperInvariant();
        var (location, refused) = await ReturnLocationAsync(locationCode, errors, directory, user, ct);
        if (refused is not null) return refused;

        if (idempotency is not null && await ReplayAsync(idempotency, ct) is { } replay) return replay;
        var now = clock.GetUtcNow().UtcDateTime;
        if (expected?.CannotMove(ReturnRequestStatus.Received, now) is { } closed) return Problems.Conflict(closed.Code, closed.Message);

        var order = await orders.FindAsync(request.OrderId!.Value, ct);
        if (order is null) return Problems.NotFound("Order", request.OrderId.Value.ToString());
        if (order.Status == "cancelled")
            return Problems.Conflict("order_not_returnable", $"Order {order.Number} was cancelled; nothing of it can be returned.");
        var orderLines = ReturnInput.Match(request.Lines!, l => (l.Sku!, l.OrderLineId), order, errors);
        if (!errors.IsValid) return errors.ToProblem();

        var (policy, _) = await ReturnPolicies.LoadAsync(db, ct);
        var variants = await catalog.FindVariantsAsync(orderLines.Select(l => l.Sku).Distinct().ToList(), ct);
        var decisions = new List<PolicyDecision>();
        for (var i = 0; i < orderLines.Count; i++)
        {
            var sku = orderLines[i].Sku;
            var decision = ReturnRules.Decide(policy, new ReturnCandidate(sku, variants.GetValueOrDefault(sku)?.Category ?? "", request.Lines![i].Condition!.Value),
                order.HandedOverAt ?? order.PlacedAt, expected?.RequestedAt ?? now);
            if (!decision.Accepted)
                return Problems.Conflict(decision.RefusalCode!, decision.Detail!, new Dictionary<string, object?> { ["sku"] = sku, ["line"] = i });
            decisions.Add(decision);
        }

        var @return = new Return
        {
            OrderId = order.OrderId, OrderNumber = order.Number, LocationCode = locationCode, Currency = order.Currency,
            RefundTo = request.RefundTo ?? RefundDestination.OriginalTender, ReceivedAt = now, ReceivedBy = user.Actor(),
        };
        await session.BeginAsync(ct);
        try
        {
            if (expected is not null) await ClaimAsync(expected, @return.Id, now, ct);
            // Lines take their order lines' counters in a fixed order, so two returns of one order cannot deadlock.
            foreach (var i in Enumerable.Range(0, orderLines.Count).OrderBy(i => orderLines[i].LineId))
            {
                var (line, input) = (orderLines[i], request.Lines![i]);
                var total = await returned.TryAddAsync(order.OrderId, line.LineId, input.Quantity, line.Quantity, ct)
                    ?? throw await ExceedsAsync(line, input.Quantity, ct);
                @return.AddLine(line.LineId, line.Sku, input.Quantity, input.Condition!.Value, decisions[i].Disposition, input.Reason,
                    Refunds.For(line.Paid, line.Quantity, total - input.Quantity, input.Quantity));
            }
            await stock.RecordAsync(@return.Lines.Select(l => new StockFact(locationCode, l.Sku, l.Quantity, "return", order.Number,
                l.Disposition == Disposition.Unsellable ? StockBucket.Unsellable : StockBucket.OnHand)).ToList(), user.Actor(), now, ct);
            if (request.Exchange is { } exchange)
            {
                var placed = await placement.PlaceWithinAsync(ExchangeOrder(exchange, order, location), user.Actor(), ct);
                @return.SettleExchange(placed.Id, placed.Number, placed.Total);
            }
            db.Returns.Add(@return);
            idempotency?.Remember(db.IdempotencyKeys, @return.Id, now);
            db.Publish(new ReturnReceived(@return.Id, order.OrderId, order.Number, locationCode,
                @return.Lines.Select(l => new ReturnLineSummary(l.Sku, l.Quantity, Lower(l.Condition), Lower(l.Disposition),
                    new Omni.Common.Money(l.RefundMinor, @return.Currency).ToDto())).ToList(),
                @return.Refund.ToDto(), Lower(@return.RefundTo), @return.ExchangeOrderId, expected?.Id), now);
            await ReturnRefund.PayAsync(@return, db, services.GetService<IPayments>(), now, ct);
            await db.SaveChangesAsync(ct);
            await session.CommitAsync(ct);
        }
        catch (DomainException e)
        {
            await session.RollbackAsync();
            // A concurrent request with the same key may have taken the units this one was refused for.
            if (idempotency is not null && await ReplayAsync(idempotency, ct) is { } concurrentReplay) return concurrentReplay;
            if (e.Code == "validation_failed") return new Omni.Common.Validation.Validator().AddFrom(e, "exchange").ToProblem();
            return Problems.Problem(e.Status, e.Code, e.Message, e.Extensions);
        }
        catch (DbUpdateException e) when (idempotency is not null && UniqueViolation.Is(e))
        {
            await session.RollbackAsync();
            if (await ReplayAsync(idempotency, ct) is { } concurrentReplay) return concurrentReplay;
            throw;
        }
        catch
        {
            await session.RollbackAsync();
            throw;
        }
        return TypedResults.Created($"/api/v1/returns/{@return.Id}", @return.ToDetails());
    }

    /// <summary>
    /// Marks the request received first thing in the transaction. The status is a concurrency token, so the update is
    /// "WHERE status = 'Requested'": of two associates receiving one request at once, the second waits on the row and
    /// then finds it received.
    /// </summary>
    private async Task ClaimAsync(ReturnRequest expected, Guid returnId, DateTime now, CancellationToken ct)
    {
        expected.Receive(returnId, now);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("return_request_not_open", $"Return {expected.Code} was received or cancelled a moment ago.");
        }
    }

    private Task<IResult?> ReplayAsync(Idempotency idempotency, CancellationToken ct) =>
        idempotency.ReplayAsync(db.IdempotencyKeys, async id =>
            TypedResults.Created($"/api/v1/returns/{id}", (await db.Returns.AsNoTracking().FirstAsync(r => r.Id == id, ct)).ToDetails()), ct);

    private async Task<DomainException> ExceedsAsync(OrderLineSnapshot line, int quantity, CancellationToken ct)
    {
        var already = await db.ReturnedQuantities.AsNoTracking().Where(q => q.OrderLineId == line.LineId).Select(q => q.Returned).FirstOrDefaultAsync(ct);
        return new DomainException("quantity_exceeds_purchased",
            $"{quantity} × {line.Sku} cannot be returned: {line.Quantity} were bought and {already} have come back already.",
            extensions: new Dictionary<string, object?> { ["sku"] = line.Sku, ["orderLineId"] = line.LineId, ["bought"] = line.Quantity, ["returnable"] = line.Quantity - already });
    }

    /// <summary>The exchange is sold where it happens: a store's own sale at a store, else the returned order's channel.</summary>
    private static NewOrder ExchangeOrder(ExchangeInput exchange, OrderSnapshot order, LocationSnapshot location) => new(
        location.Type == LocationType.Store ? SalesChannel.Store : order.Channel, order.Customer, exchange.ShippingAddress,
        exchange.Lines!.Select(l => new NewOrderLine(l?.Sku, l?.Quantity ?? 0, l?.Fulfillment?.Method, l?.Fulfillment?.LocationCode)).ToList());

    private static string Lower<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
