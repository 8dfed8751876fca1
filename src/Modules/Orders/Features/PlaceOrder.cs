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
        IStockLevels stock, IStockReservations reservations, SourcingSignals signals, IPricing pricing, IPayments payments, TimeProvider clock,
        CancellationToken ct)
    {
        var locations = await directory.AllAsync(ct);
        var errors = Validate(request, locations);
        if (!errors.IsValid) return errors.ToProblem();

        var (idempotency, badKey) = Idempotency.From(http, user.CallerId(), nameof(PlaceOrder), request);
        if (badKey is not null) return badKey;

        var (skus, variants) = await SnapshotAsync(request.Lines!, catalog, errors, ct);
        if (!errors.IsValid) return errors.ToProblem();
        var currency = CurrencyOf(variants);

        if (await PricedThroughEngine.CheckAsync(pricing, request.Coupons, request.Customer?.Email, ct) is { } refusedEarly)
            return idempotency is not null && await idempotency.ReplayAsync(db, ct) is { } earlyReplay ? earlyReplay : refusedEarly;

        var admission = new Admission(db, reservations, pricing, payments, locations);
        var sourcing = await signals.InputAsync(request.Channel!.Value, Destination(request), locations, ct);
        IReadOnlyList<string> shortSkus = [];
        // The first plan uses this node's stock view; a refusal or a lost race is always re-checked on the database.
        var fresh = false;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var levels = fresh ? await stock.ForSkusAsync(skus, ct) : await stock.RecentForSkusAsync(skus, ct);
            var sourced = SourcingOptimizer.Plan(SourcingLines(request, variants), sourcing with { Stock = levels });
            if (!sourced.Plan.Complete)
            {
                if (!fresh) { fresh = true; continue; }
                return await RefuseAsync(sourced.Plan.ShortSkus, idempotency, db, ct);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var order = Build(request, variants, sourced.Plan, currency, user.Actor(), now);
            await session.BeginAsync(ct);
            try
            {
                var admitted = await admission.AdmitAsync(order, request, variants, sourced, user.Actor(), now, ct);
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
                    return idempotency is not null && await idempotency.ReplayAsync(db, ct) is { } replay ? replay : refused;
                }
                idempotency?.Remember(db, order.Id, now);
                await db.SaveChangesAsync(ct);
                await session.CommitAsync(ct);
                signals.Took(sourced.Plan.Allocations.Where(a => order.Lines[a.LineIndex].Method != FulfillmentMethod.CarryOut).Select(a => a.LocationCode));
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
        var refusal = InsufficientStock(skus);
        return Problems.Conflict(refusal.Code, refusal.Message, refusal.Extensions);
    }

    internal static DomainException InsufficientStock(IReadOnlyList<string> skus) =>
        new("insufficient_stock", $"Not enough stock to fulfill: {string.Join(", ", skus)}.", extensions: new Dictionary<string, object?> { ["skus"] = skus });

    /// <summary>The catalog snapshot of the order's SKUs (also the distinct SKUs, upper case); unknown SKUs go to <paramref name="errors"/>.</summary>
    internal static async Task<(List<string> Skus, IReadOnlyDictionary<string, VariantSnapshot> Variants)> SnapshotAsync(
        List<OrderLineInput> lines, ICatalogLookup catalog, Validator errors, CancellationToken ct)
    {
        var skus = lines.Select(l => l.Sku.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        var variants = await catalog.FindVariantsAsync(skus, ct);
        for (var i = 0; i < lines.Count; i++)
            if (!variants.ContainsKey(lines[i].Sku)) errors.Add($"lines[{i}].sku", $"SKU '{lines[i].Sku}' does not exist.");
        return (skus, variants);
    }

    /// <summary>An order has one currency: SKUs priced in several are refused (409 <c>mixed_currency</c>).</summary>
    internal static string CurrencyOf(IReadOnlyDictionary<string, VariantSnapshot> variants)
    {
        var currencies = variants.Values.Select(v => v.Price.Currency).Distinct().ToList();
        if (currencies.Count > 1)
            throw new DomainException("mixed_currency", $"The SKUs are priced in different currencies ({string.Join(", ", currencies)}); place one order per currency.");
        return currencies[0];
    }

    internal static (double Lat, double Lon)? Destination(PlaceOrderRequest request) =>
        request.ShippingAddress is { Latitude: { } lat, Longitude: { } lon } ? (lat, lon) : null;

    internal static List<SourcingLine> SourcingLines(PlaceOrderRequest request, IReadOnlyDictionary<string, VariantSnapshot> variants) =>
        [.. request.Lines!.Select((l, i) => new SourcingLine(i, variants[l.Sku].Sku, l.Quantity, l.Fulfillment!.Method!.Value, l.Fulfillment.LocationCode?.ToUpperInvariant()))];

    internal static Order Build(PlaceOrderRequest request, IReadOnlyDictionary<string, VariantSnapshot> variants, SourcingPlan plan,
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

    internal static Validator Validate(PlaceOrderRequest request, IReadOnlyDictionary<string, LocationSnapshot> locations)
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
