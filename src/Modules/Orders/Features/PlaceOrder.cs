using System.Security.Claims;
using Omni.Common.Data;
using Omni.Common.Errors;
using Omni.Common.Validation;
using Omni.Contracts.Catalog;
using Omni.Contracts.Identity;
using Omni.Contracts.Locations;
using Omni.Contracts.Orders;
using Omni.Contracts.Payments;
using Omni.Orders.Domain;
using Omni.Orders.Sourcing;

namespace Omni.Orders.Features;

/// <summary>
/// <c>POST /orders</c>: the HTTP face of <see cref="OrderPlacement"/>, where placing an order happens; and the steps of
/// an order's placement that come before its transaction (validation, catalog snapshot, currency, sourcing lines, the
/// order itself), shared by every way an order is placed.
/// </summary>
internal static class PlaceOrder
{
    private const long MaxLoyaltyPoints = 100_000_000;

    public static void Map(RouteGroupBuilder orders) =>
        orders.MapPost("/", Handle).WithName(nameof(PlaceOrder)).RequireAuthorization(Scopes.Policy(Scopes.Orders));

    internal static async Task<IResult> Handle(PlaceOrderRequest request, HttpRequest http, ClaimsPrincipal user, OrderPlacement placement, CancellationToken ct)
    {
        var (key, badKey) = Idempotency.ScopedKey(http, user.CallerId(), nameof(PlaceOrder));
        if (badKey is not null) return badKey;

        var placed = await placement.PlaceOrderAsync(request, new OrderPlacementOptions(user.Actor(), key), ct);
        return placed.Order is { } order
            ? TypedResults.Created($"/api/v1/orders/{order.Id}", order.ToDetails())
            : TypedResults.Problem(placed.Problem!);
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
        if (request.LoyaltyPoints is { } points) errors.Range("loyaltyPoints", points, 1, MaxLoyaltyPoints);
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
