using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Omni.Carts.Data;
using Omni.Carts.Domain;
using Omni.Common;
using Omni.Common.Errors;
using Omni.Common.Validation;
using Omni.Contracts;
using Omni.Contracts.Identity;
using Omni.Contracts.Locations;
using Omni.Contracts.Orders;
using Omni.Contracts.Pricing;

namespace Omni.Carts.Features;

/// <param name="Channel">The order's channel; by default the cart's (<c>store</c> once a store opened its handoff).</param>
/// <param name="Customer">The buyer's contact details for the order.</param>
/// <param name="ExpectedTotal">The total the shopper agreed to; when today's price differs, the checkout stops with 409 <c>price_changed</c>.</param>
/// <param name="Payment">How the order is paid, authorized as for <c>POST /orders</c> (a decline is 402 <c>payment_declined</c> and places nothing).</param>
/// <param name="LoyaltyPoints">Points of the cart's customer to take off the order (the expected total is the cart's, before them).</param>
public sealed record CheckoutCartRequest(SalesChannel? Channel, CustomerInput? Customer, MoneyDto? ExpectedTotal, PaymentInput? Payment = null, long? LoyaltyPoints = null);

/// <summary>
/// Turns the cart into an order through <see cref="IOrderPlacement"/> — the code path of <c>POST /orders</c>, so the
/// order is validated, priced, sourced and reserved exactly as any other. The cart is re-priced first and the stock
/// re-checked by the placement itself; a stock hold becomes the order's reservations in the placement's transaction,
/// and the cart becomes <c>converted</c> in that same transaction, so a cart never converts without its order nor
/// an order commits for a cart that changed meanwhile.
/// </summary>
internal static class CheckoutCart
{
    private const string IdempotencyHeader = "Idempotency-Key";

    public static RouteHandlerBuilder Map(RouteGroupBuilder carts) =>
        carts.MapPost("/{id:guid}/checkout", Handle).WithName(nameof(CheckoutCart))
            .WithSummary("Places the cart's order (idempotent with Idempotency-Key) and marks the cart converted.");

    internal static async Task<IResult> Handle(Guid id, CheckoutCartRequest? request, HttpRequest http, ClaimsPrincipal user,
        CartsDbContext db, CartAccess access, CartView view, IPriceQuotes prices, IOrderPlacement placement,
        TimeProvider clock, CancellationToken ct, ILocationDirectory? directory = null)
    {
        // Pages call this handler in process and may leave the directory out; the request's services always have it.
        directory ??= http.HttpContext.RequestServices.GetRequiredService<ILocationDirectory>();
        request ??= new CheckoutCartRequest(null, null, null);
        var errors = new Validator();
        var expected = request.ExpectedTotal is null ? null : errors.Money("expectedTotal", request.ExpectedTotal);
        var header = http.Headers[IdempotencyHeader].ToString();
        if (header.Length > 200) errors.Add(IdempotencyHeader, "must be at most 200 characters.");
        if (!errors.IsValid) return errors.ToProblem();
        var key = header.Length == 0 ? null : $"{user.CallerId()}|{nameof(CheckoutCart)}:{id}|{header}";
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request))));

        if (await access.FindAsync(id, http, user, ct) is not { } cart) return CartAccess.NotFound(id);
        if (cart.Status == CartStatus.Converted && key is not null && cart.CheckoutKey == key)
            return cart.CheckoutHash == hash
                ? Converted(await view.DetailsAsync(cart, ct))
                : Problems.Problem(StatusCodes.Status422UnprocessableEntity, "idempotency_key_reused", "This Idempotency-Key was already used with a different request body.");
        EnsureReady(cart);

        var quote = await prices.QuoteAsync(CartView.QuoteRequest(cart, await directory.AllAsync(ct)), ct);
        if (expected is { } agreed && agreed != quote.Total)
            return Problems.Conflict("price_changed", $"The cart now costs {quote.Total}, not {agreed}; show the shopper the new total.",
                new Dictionary<string, object?> { ["total"] = quote.Total.ToDto() });

        var order = new PlaceOrderRequest(request.Channel ?? cart.Channel, request.Customer,
            cart.ShippingDestination is { } d ? new AddressInput(d.Line1, d.Line2, d.City, d.PostalCode, d.Country, d.Latitude, d.Longitude) : null,
            [.. cart.Lines.OrderBy(l => l.AddedAt).Select(l => new OrderLineInput(l.Sku, l.Quantity,
                new FulfillmentInput(l.Method, l.Method == FulfillmentMethod.Ship ? null : cart.PreferredStore)))],
            request.Payment, Coupons: [.. quote.AppliedCoupons], CustomerId: cart.CustomerId, LoyaltyPoints: request.LoyaltyPoints);
        var placed = await placement.PlaceAsync(order, new OrderPlacementOptions(user.Actor(), key, cart.HoldExpiresAt is null ? null : cart.Id,
            async (placed, ct) =>
            {
                var locked = await access.LockAsync(id, ct);
                if (locked!.Version != cart.Version) throw Changed();
                locked.Convert(placed.Id, placed.Number, key, hash, clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(ct);
            }), ct);
        if (placed.Problem is { } problem) return TypedResults.Problem(problem);
        // A replay means a twin request with the same key converted the cart; read it as that request left it.
        var converted = await access.FindAsync(id, http, user, ct);
        return Converted(await view.DetailsAsync(converted!, ct));
    }

    /// <summary>Refuses a cart that cannot become an order as it stands (409), before anything is reserved.</summary>
    public static void EnsureReady(Cart cart)
    {
        cart.EnsureActive();
        if (cart.Lines.Count == 0) throw new DomainException("cart_empty", "The cart has no lines.");
        if (cart.Lines.Any(l => l.Method == FulfillmentMethod.Ship) && cart.ShippingDestination is null)
            throw new DomainException("cart_incomplete", "A line ships: set the cart's shippingDestination first.");
        if (cart.Lines.Any(l => l.Method != FulfillmentMethod.Ship) && cart.PreferredStore is null)
            throw new DomainException("cart_incomplete", "A line is picked up or carried out: set the cart's preferredStore first.");
    }

    public static DomainException Changed() =>
        new("cart_changed", "The cart changed on another device during this request; review it and try again.");

    private static Created<CartDetails> Converted(CartDetails cart) => TypedResults.Created($"/api/v1/orders/{cart.OrderId}", cart);
}
