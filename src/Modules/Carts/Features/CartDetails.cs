using Omni.Carts.Domain;
using Omni.Common;
using Omni.Contracts;
using Omni.Contracts.Inventory;
using Omni.Contracts.Locations;
using Omni.Contracts.Orders;
using Omni.Contracts.Pricing;

namespace Omni.Carts.Features;

public sealed record CartDetails(
    Guid Id, string Status, SalesChannel Channel, Guid? CustomerId, string? Currency, string? PreferredStore,
    AddressInput? ShippingDestination, IReadOnlyList<string> CouponCodes, IReadOnlyList<CartLineDetails> Lines,
    MoneyDto? Subtotal, MoneyDto? Discount, MoneyDto? Total, CartHoldDetails? Hold,
    Guid? OrderId, string? OrderNumber, Guid? MergedInto, string? HandedOffTo, IReadOnlyList<string> Devices,
    int Version, DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<CartCouponDetails>? Coupons = null);

/// <summary>A coupon code held on the cart: what it takes off now, or why it does not apply (checkout leaves it out).</summary>
public sealed record CartCouponDetails(string Code, bool Applied, MoneyDto? Discount, string? Reason);

/// <summary>
/// A line priced now (unit price, promotions), with the units that could ship (network) and the units at the
/// preferred store, and the delivery options open to the whole quantity now: ship, and pickup or curbside today at the preferred store.
/// </summary>
public sealed record CartLineDetails(
    string Sku, string Name, int Quantity, FulfillmentMethod Fulfillment, MoneyDto UnitPrice, MoneyDto Subtotal, MoneyDto Discount, MoneyDto Total,
    IReadOnlyList<CartPromotionDetails> Promotions, CartLineAvailability Availability, IReadOnlyList<DeliveryOption> DeliveryOptions);

public sealed record CartPromotionDetails(string Code, string Name, MoneyDto Amount);

public sealed record CartLineAvailability(int Ship, int? PreferredStore);

public sealed record DeliveryOption(FulfillmentMethod Method, string? LocationCode);

public sealed record CartHoldDetails(DateTime ExpiresAt, IReadOnlyList<CartHeldUnits> Lines);

public sealed record CartHeldUnits(string Sku, string LocationCode, int Quantity);

public sealed record CartCreated(string Token, CartDetails Cart);

/// <summary>
/// A cart as the shopper sees it: nothing live is stored on the cart; each read quotes the lines through the pricing
/// engine and reads availability from this node's stock view, so every device shows today's price and stock.
/// </summary>
internal sealed class CartView(IPriceQuotes prices, IStockLevels stock, IStockReservations reservations, ILocationDirectory directory, TimeProvider clock)
{
    public async Task<CartDetails> DetailsAsync(Cart cart, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var held = cart.HoldExpiresAt > now ? await reservations.HeldAsync(cart.Id, now, ct) : [];
        var lines = cart.Lines.OrderBy(l => l.AddedAt).ThenBy(l => l.Sku, StringComparer.Ordinal).ToList();
        var locations = await directory.AllAsync(ct);
        var quote = lines.Count == 0 ? null : await prices.QuoteAsync(QuoteRequest(cart, locations), ct);
        // The shopper's own hold is theirs: show it as available to them.
        var levels = lines.Count == 0 ? [] : (await stock.RecentForSkusAsync([.. lines.Select(l => l.Sku)], ct)).CountingHeldAsAvailable(held);
        var store = cart.PreferredStore is { } code && locations.TryGetValue(code, out var s) ? s : null;

        var lineDetails = lines.Select((line, i) =>
        {
            var priced = quote!.Lines[i];
            var ship = levels.Where(l => l.Sku == line.Sku && locations.TryGetValue(l.LocationCode, out var at) && at.Can(LocationCapability.Ship)).Sum(l => l.Available);
            int? atStore = store is null ? null : levels.FirstOrDefault(l => l.Sku == line.Sku && l.LocationCode == store.Code)?.Available ?? 0;
            var options = new List<DeliveryOption>();
            if (ship >= line.Quantity) options.Add(new DeliveryOption(FulfillmentMethod.Ship, null));
            if (store is not null && atStore >= line.Quantity)
            {
                if (store.Can(LocationCapability.Pickup)) options.Add(new DeliveryOption(FulfillmentMethod.Pickup, store.Code));
                if (store.Can(LocationCapability.Curbside)) options.Add(new DeliveryOption(FulfillmentMethod.Curbside, store.Code));
            }
            return new CartLineDetails(line.Sku, line.Name, line.Quantity, line.Method, priced.UnitPrice.ToDto(), priced.Subtotal.ToDto(),
                priced.Discount.ToDto(), priced.Total.ToDto(), [.. priced.Promotions.Select(p => new CartPromotionDetails(p.Code, p.Name, p.Amount.ToDto()))],
                new CartLineAvailability(ship, atStore), options);
        }).ToList();

        var empty = cart.Currency is { } currency ? Money.Zero(currency).ToDto() : null;
        return new CartDetails(
            cart.Id, cart.Status.ToString().ToLowerInvariant(), cart.Channel, cart.CustomerId, cart.Currency, cart.PreferredStore,
            cart.ShippingDestination is { } d ? new AddressInput(d.Line1, d.Line2, d.City, d.PostalCode, d.Country, d.Latitude, d.Longitude) : null,
            cart.CouponCodes, lineDetails, quote?.Subtotal.ToDto() ?? empty, quote?.Discount.ToDto() ?? empty, quote?.Total.ToDto() ?? empty,
            held.Count == 0 ? null : new CartHoldDetails(held.Min(h => h.ExpiresAt), [.. held.Select(h => new CartHeldUnits(h.Sku, h.LocationCode, h.Quantity))]),
            cart.OrderId, cart.OrderNumber, cart.MergedInto, cart.HandedOffTo, cart.Devices, cart.Version, cart.CreatedAt, cart.UpdatedAt,
            [.. (quote?.Coupons ?? []).Select(c => new CartCouponDetails(c.Code, c.Discount is not null, c.Discount?.ToDto(), c.RefusalCode))]);
    }

    /// <summary>
    /// The cart priced the way its checkout's order will be: its channel and store, its coupons (quoted, not redeemed) and the
    /// tax of where the goods go (the shipping destination, else the store of a line handed over there), as the order will.
    /// </summary>
    public static PriceQuoteRequest QuoteRequest(Cart cart, IReadOnlyDictionary<string, LocationSnapshot> locations) =>
        new(cart.Channel, PricingStore(cart), [.. cart.Lines.OrderBy(l => l.AddedAt).ThenBy(l => l.Sku, StringComparer.Ordinal)
                .Select(l => new PriceQuoteLine(l.Sku, l.Quantity))],
            cart.CouponCodes, cart.CustomerId,
            cart.ShippingDestination?.Country
            ?? (cart.Lines.Any(l => l.Method != FulfillmentMethod.Ship) && cart.PreferredStore is { } store && locations.TryGetValue(store, out var at) ? at.Country : null));

    /// <summary>Store prices apply to a sale in a store; online carts get the channel's prices wherever they pick up.</summary>
    public static string? PricingStore(Cart cart) => cart.Channel == SalesChannel.Store ? cart.HandedOffTo ?? cart.PreferredStore : null;
}
