using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;
using Omni.Common.Errors;
using Omni.Common.Validation;
using Omni.Contracts.Catalog;
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
}

/// <summary>
/// Accepts an order from any channel: sources every line, then reserves all of it or nothing in one transaction.
/// Sourcing reads stock before the transaction to keep row locks short; the reservation itself is a conditional update,
/// so a plan made on a stale read can never oversell — it fails, and the order is sourced again on fresh stock.
/// The one code path of <c>POST /orders</c> (<see cref="PlaceOrder"/>) and of every module placing orders (<see cref="IOrderPlacement"/>).
/// </summary>
internal sealed class OrderPlacement(
    OrdersDbContext db, DbSession session, ICatalogLookup catalog, ILocationDirectory directory,
    IStockLevels stock, IStockReservations reservations, SourcingSignals signals, IPricing pricing, IPayments payments, TimeProvider clock) : IOrderPlacement
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
        var errors = Validate(request, locations);
        if (!errors.IsValid) return Placement.Refused(errors.ToProblem());

        var idempotency = options.IdempotencyKey is { } key ? Idempotency.For(key, request) : null;
        var lines = request.Lines!;
        var skus = lines.Select(l => l.Sku.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        var variants = await catalog.FindVariantsAsync(skus, ct);
        for (var i = 0; i < lines.Count; i++)
            if (!variants.ContainsKey(lines[i].Sku)) errors.Add($"lines[{i}].sku", $"SKU '{lines[i].Sku}' does not exist.");
        if (!errors.IsValid) return Placement.Refused(errors.ToProblem());
        var currencies = variants.Values.Select(v => v.Price.Currency).Distinct().ToList();
        if (currencies.Count > 1)
            return Placement.Refused(Problems.Conflict("mixed_currency", $"The SKUs are priced in different currencies ({string.Join(", ", currencies)}); place one order per currency."));

        var destination = request.ShippingAddress is { Latitude: { } lat, Longitude: { } lon } ? (lat, lon) : ((double, double)?)null;
        var sourcingLines = lines.Select((l, i) => new SourcingLine(i, variants[l.Sku].Sku, l.Quantity, l.Fulfillment!.Method!.Value, l.Fulfillment.LocationCode?.ToUpperInvariant())).ToList();
        var held = options.HoldId is { } holdId ? await reservations.HeldAsync(holdId, clock.GetUtcNow().UtcDateTime, ct) : [];
        IReadOnlyList<string> shortSkus = [];
        var sourcing = await signals.InputAsync(request.Channel!.Value, destination, locations, ct);
        // The first plan uses this node's stock view; a refusal or a lost race is always re-checked on the database.
        var fresh = false;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            // A hold being converted into this order keeps its units for it.
            var levels = (fresh ? await stock.ForSkusAsync(skus, ct) : await stock.RecentForSkusAsync(skus, ct)).CountingHeldAsAvailable(held);
            var sourced = SourcingOptimizer.Plan(sourcingLines, sourcing with { Stock = levels });
            var plan = sourced.Plan;
            if (!plan.Complete)
            {
                if (!fresh) { fresh = true; continue; }
                return await RefuseAsync(plan.ShortSkus, idempotency, ct);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var order = Build(request, variants, plan, currencies[0], options.Actor, now);
            await session.BeginAsync(ct);
            try
            {
                order.AssignNumber(await OrderNumbers.NextAsync(db, ct));
                var claims = order.Lines.SelectMany(l => l.Allocations.Select(a => new StockClaim(order.Id, l.Id, a.LocationCode, l.Sku, a.Quantity))).ToList();
                var failed = options.HoldId is { } hold
                    ? await reservations.ConvertHoldAsync(hold, claims, options.Actor, now, ct)
                    : await reservations.ReserveAsync(claims, options.Actor, now, ct);
                if (failed.Count > 0)
                {
                    shortSkus = failed.Select(f => f.Sku).Distinct().ToList();
                    await session.RollbackAsync();
                    fresh = true;
                    continue;
                }
                if (await PricedThroughEngine.PriceAsync(pricing, order, variants, request.Coupons, request.ShippingAddress?.Country, locations, atTill: false, ct) is { } refused)
                {
                    await session.RollbackAsync();
                    return idempotency is not null && await idempotency.FindAsync(db, ct) is { } replay ? replay : Placement.Refused(refused);
                }
                // Authorized after pricing: the amount is what the customer pays, discounts and coupons included.
                if (request.Payment is { } payment
                    && await payments.AuthorizeAsync(order.Id, order.Total, payment.ToTender(), order.CustomerEmail, ct) is { Succeeded: false } declined)
                {
                    await session.RollbackAsync();
                    return Placement.Refused(Problems.Problem(StatusCodes.Status402PaymentRequired, "payment_declined", declined.Message ?? "The payment was declined.",
                        new Dictionary<string, object?> { ["declineCode"] = declined.DeclineCode }));
                }
                db.Orders.Add(order);
                db.SourcingDecisions.Add(SourcingData.Decision(order.Id, sourced.Explanation, now));
                db.Fulfillments.AddRange(Fulfillment.ForOrder(order, now));
                idempotency?.Remember(db, order.Id, now);
                db.Publish(new OrderPlaced(order.Id, order.Number, order.Channel.ToString().ToLowerInvariant(), order.Total.ToDto(), order.CustomerEmail,
                    order.Lines.Select(l => new OrderLineSummary(l.Sku, l.Quantity, OrderMapping.Method(l.Method),
                        l.Allocations.ToDictionary(a => a.LocationCode, a => a.Quantity))).ToList()), now);
                await db.SaveChangesAsync(ct);
                if (options.BeforeCommit is { } beforeCommit) await beforeCommit(new PlacedOrder(order.Id, order.Number, order.Total, Replayed: false), ct);
                await session.CommitAsync(ct);
                signals.Took(plan.Allocations.Where(a => sourcingLines[a.LineIndex].Method != FulfillmentMethod.CarryOut).Select(a => a.LocationCode));
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
        return await RefuseAsync(shortSkus, idempotency, ct);
    }

    /// <summary>
    /// There is no up-front idempotency lookup (the key's unique index catches a repeat when it commits); so before
    /// refusing, make sure this is not the retry of an order that was accepted when stock was still there.
    /// </summary>
    private async Task<Placement> RefuseAsync(IReadOnlyList<string> skus, Idempotency? idempotency, CancellationToken ct)
    {
        if (idempotency is not null && await idempotency.FindAsync(db, ct) is { } replay) return replay;
        return Placement.Refused(Problems.Conflict("insufficient_stock", $"Not enough stock to fulfill: {string.Join(", ", skus)}.",
            new Dictionary<string, object?> { ["skus"] = skus }));
    }

    private static Order Build(PlaceOrderRequest request, IReadOnlyDictionary<string, VariantSnapshot> variants, SourcingPlan plan,
        string currency, string actor, DateTime now)
    {
        var order = new Order
        {
            Channel = request.Channel!.Value, Currency = currency, PlacedAt = now, PlacedBy = actor,
            CustomerEmail = OrderInput.Normalize(request.Customer?.Email), CustomerName = request.Customer?.Name, CustomerPhone = request.Customer?.Phone,
            ShippingAddress = request.ShippingAddress is { } a
                ? new Address(a.Line1, a.Line2, a.City, a.PostalCode, a.Country, a.Latitude, a.Longitude) : null,
        };
        var lines = request.Lines!;
        for (var i = 0; i < lines.Count; i++)
        {
            var variant = variants[lines[i].Sku];
            var line = order.AddLine(variant.Sku, variant.ProductCode, variant.Name, lines[i].Quantity, variant.Price,
                lines[i].Fulfillment!.Method!.Value, lines[i].Fulfillment!.LocationCode?.ToUpperInvariant());
            foreach (var allocation in plan.Allocations.Where(a => a.LineIndex == i)) line.Allocate(allocation.LocationCode, allocation.Quantity);
        }
        return order;
    }

    private static Validator Validate(PlaceOrderRequest request, IReadOnlyDictionary<string, LocationSnapshot> locations)
    {
        var errors = new Validator();
        if (request.Channel is null) errors.Add("channel", "is required: web, app, store, social, marketplace or callcenter.");
        OrderInput.Customer(errors, request.Customer);
        OrderInput.Payment(errors, request.Payment, PaymentTender.ForOrders, tokenRequired: true);
        PricedThroughEngine.ValidateCoupons(errors, request.Coupons);
        if (request.ShippingAddress is { } address) OrderInput.Address(errors, "shippingAddress", address);
        if (request.Lines is not { Count: > 0 }) { errors.Add("lines", "must contain at least one line."); return errors; }
        if (request.Lines.Count > OrderInput.MaxLines) { errors.Add("lines", $"must contain at most {OrderInput.MaxLines} lines."); return errors; }

        for (var i = 0; i < request.Lines.Count; i++)
        {
            var line = request.Lines[i];
            if (line is null) { errors.Add($"lines[{i}]", "is required."); continue; }
            errors.Code($"lines[{i}].sku", line.Sku);
            OrderInput.Quantity(errors, $"lines[{i}].quantity", line.Quantity);
            if (line.Fulfillment?.Method is not { } method) { errors.Add($"lines[{i}].fulfillment.method", "is required: ship, pickup, curbside, shipToStore or carryOut."); continue; }
            if (method == FulfillmentMethod.Ship)
            {
                if (request.ShippingAddress is null) errors.Add("shippingAddress", "is required when a line ships.");
                continue;
            }
            var field = $"lines[{i}].fulfillment.locationCode";
            if (!errors.Code(field, line.Fulfillment.LocationCode)) continue;
            if (!locations.TryGetValue(line.Fulfillment.LocationCode!.ToUpperInvariant(), out var location))
                errors.Add(field, $"Location '{line.Fulfillment.LocationCode}' does not exist.");
            else if (Required(method) is { } capability && !location.Can(capability))
                errors.Add(field, $"Location '{location.Code}' does not offer {OrderMapping.Method(method)}.");
            else if (method == FulfillmentMethod.CarryOut && location.Type != LocationType.Store)
                errors.Add(field, $"Carry-out happens in a store; '{location.Code}' is a warehouse.");
        }
        return errors;
    }

    private static LocationCapability? Required(FulfillmentMethod method) => method switch
    {
        FulfillmentMethod.Pickup => LocationCapability.Pickup,
        FulfillmentMethod.Curbside => LocationCapability.Curbside,
        FulfillmentMethod.ShipToStore => LocationCapability.ShipToStore,
        _ => null,
    };
}
