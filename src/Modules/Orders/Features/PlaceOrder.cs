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
using Omni.Contracts.Pricing;
using Omni.Orders.Data;
using Omni.Orders.Domain;
using Omni.Orders.Sourcing;

namespace Omni.Orders.Features;

public sealed record OrderLineInput(string Sku, int Quantity, FulfillmentInput? Fulfillment);

public sealed record PlaceOrderRequest(SalesChannel? Channel, CustomerInput? Customer, AddressInput? ShippingAddress, List<OrderLineInput>? Lines,
    PaymentInput? Payment = null, List<string>? Coupons = null);

/// <summary>
/// Accepts an order from any channel: sources every line, then reserves all of it or nothing in one transaction.
/// Sourcing reads stock before the transaction to keep row locks short; the reservation itself is a conditional update,
/// so a plan made on a stale read can never oversell — it fails, and the order is sourced again on fresh stock.
/// </summary>
internal static class PlaceOrder
{
    private const int Attempts = 4;

    public static void Map(RouteGroupBuilder orders) =>
        orders.MapPost("/", Handle).WithName(nameof(PlaceOrder)).RequireAuthorization(Scopes.Policy(Scopes.Orders));

    internal static async Task<IResult> Handle(PlaceOrderRequest request, HttpRequest http, ClaimsPrincipal user,
        OrdersDbContext db, DbSession session, ICatalogLookup catalog, ILocationDirectory directory,
        IStockLevels stock, IStockReservations reservations, IPricing pricing, IPayments payments, TimeProvider clock, CancellationToken ct)
    {
        var locations = await directory.AllAsync(ct);
        var errors = Validate(request, locations);
        if (!errors.IsValid) return errors.ToProblem();

        var (idempotency, badKey) = Idempotency.From(http, user, nameof(PlaceOrder), request);
        if (badKey is not null) return badKey;

        var lines = request.Lines!;
        var skus = lines.Select(l => l.Sku.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        var variants = await catalog.FindVariantsAsync(skus, ct);
        for (var i = 0; i < lines.Count; i++)
            if (!variants.ContainsKey(lines[i].Sku)) errors.Add($"lines[{i}].sku", $"SKU '{lines[i].Sku}' does not exist.");
        if (!errors.IsValid) return errors.ToProblem();
        var currencies = variants.Values.Select(v => v.Price.Currency).Distinct().ToList();
        if (currencies.Count > 1)
            return Problems.Conflict("mixed_currency", $"The SKUs are priced in different currencies ({string.Join(", ", currencies)}); place one order per currency.");

        var destination = request.ShippingAddress is { Latitude: { } lat, Longitude: { } lon } ? (lat, lon) : ((double, double)?)null;
        var sourcingLines = lines.Select((l, i) => new SourcingLine(i, variants[l.Sku].Sku, l.Quantity, l.Fulfillment!.Method!.Value, l.Fulfillment.LocationCode?.ToUpperInvariant())).ToList();
        IReadOnlyList<string> shortSkus = [];
        // The first plan uses this node's stock view; a refusal or a lost race is always re-checked on the database.
        var fresh = false;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var levels = fresh ? await stock.ForSkusAsync(skus, ct) : await stock.RecentForSkusAsync(skus, ct);
            var plan = NearestSourcing.Plan(sourcingLines, levels, locations, destination);
            if (!plan.Complete)
            {
                if (!fresh) { fresh = true; continue; }
                return await RefuseAsync(plan.ShortSkus, idempotency, db, ct);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var order = Build(request, variants, plan, currencies[0], user, now);
            await session.BeginAsync(ct);
            try
            {
                order.AssignNumber(await OrderNumbers.NextAsync(db, ct));
                var claims = order.Lines.SelectMany(l => l.Allocations.Select(a => new StockClaim(order.Id, l.Id, a.LocationCode, l.Sku, a.Quantity))).ToList();
                var failed = await reservations.ReserveAsync(claims, user.Actor(), now, ct);
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
                    return idempotency is not null && await idempotency.ReplayAsync(db, ct) is { } replay ? replay : refused;
                }
                // Authorized after pricing: the amount is what the customer pays, discounts and coupons included.
                if (request.Payment is { } payment
                    && await payments.AuthorizeAsync(order.Id, order.Total, payment.ToTender(), order.CustomerEmail, ct) is { Succeeded: false } declined)
                {
                    await session.RollbackAsync();
                    return Problems.Problem(StatusCodes.Status402PaymentRequired, "payment_declined", declined.Message ?? "The payment was declined.",
                        new Dictionary<string, object?> { ["declineCode"] = declined.DeclineCode });
                }
                db.Orders.Add(order);
                idempotency?.Remember(db, order.Id, now);
                db.Publish(new OrderPlaced(order.Id, order.Number, order.Channel.ToString().ToLowerInvariant(), order.Total.ToDto(), order.CustomerEmail,
                    order.Lines.Select(l => new OrderLineSummary(l.Sku, l.Quantity, OrderMapping.Method(l.Method),
                        l.Allocations.ToDictionary(a => a.LocationCode, a => a.Quantity))).ToList()), now);
                await db.SaveChangesAsync(ct);
                await session.CommitAsync(ct);
                return TypedResults.Created($"/api/v1/orders/{order.Id}", order.ToDetails());
            }
            catch (DbUpdateException e) when (idempotency is not null && UniqueViolation.Is(e))
            {
                // Another request with the same key committed first; answer as it was answered.
                await session.RollbackAsync();
                if (await idempotency.ReplayAsync(db, ct) is { } concurrentReplay) return concurrentReplay;
                throw;
            }
            catch
            {
                await session.RollbackAsync();
                throw;
            }
        }
        return await RefuseAsync(shortSkus, idempotency, db, ct);
    }

    /// <summary>
    /// There is no up-front idempotency lookup (the key's unique index catches a repeat when it commits); so before
    /// refusing, make sure this is not the retry of an order that was accepted when stock was still there.
    /// </summary>
    private static async Task<IResult> RefuseAsync(IReadOnlyList<string> skus, Idempotency? idempotency, OrdersDbContext db, CancellationToken ct)
    {
        if (idempotency is not null && await idempotency.ReplayAsync(db, ct) is { } replay) return replay;
        return Problems.Conflict("insufficient_stock", $"Not enough stock to fulfill: {string.Join(", ", skus)}.",
            new Dictionary<string, object?> { ["skus"] = skus });
    }

    private static Order Build(PlaceOrderRequest request, IReadOnlyDictionary<string, VariantSnapshot> variants, SourcingPlan plan,
        string currency, ClaimsPrincipal user, DateTime now)
    {
        var order = new Order
        {
            Channel = request.Channel!.Value, Currency = currency, PlacedAt = now, PlacedBy = user.Actor(),
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
