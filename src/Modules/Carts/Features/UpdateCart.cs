using System.Security.Claims;
using Omni.Carts.Domain;
using Omni.Common.Validation;
using Omni.Contracts.Locations;
using Omni.Contracts.Orders;

namespace Omni.Carts.Features;

/// <param name="PreferredStore">The store for pickup and carry-out lines (and the stock shown for it); "" clears it.</param>
/// <param name="ShippingDestination">Where ship lines go.</param>
/// <param name="CouponCodes">The coupon codes the shopper entered; replaces the list ([] clears it).</param>
public sealed record UpdateCartRequest(string? PreferredStore, AddressInput? ShippingDestination, List<string>? CouponCodes);

/// <summary>Sets the cart's preferred store, shipping destination and coupon codes; absent fields stay as they are.</summary>
internal static class UpdateCart
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder carts) =>
        carts.MapPatch("/{id:guid}", Handle).WithName(nameof(UpdateCart)).WithSummary("Sets the preferred store, shipping destination or coupon codes.");

    internal static async Task<IResult> Handle(Guid id, UpdateCartRequest request, HttpRequest http, ClaimsPrincipal user,
        CartAccess access, CartView view, ILocationDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Validator();
        var store = request.PreferredStore?.Trim().ToUpperInvariant();
        if (store is { Length: > 0 } && errors.Code("preferredStore", store))
        {
            if (!(await directory.AllAsync(ct)).TryGetValue(store, out var location)) errors.Add("preferredStore", $"Location '{store}' does not exist.");
            else if (location.Type != LocationType.Store) errors.Add("preferredStore", $"'{store}' is not a store.");
        }
        if (request.ShippingDestination is { } d) errors.Address("shippingDestination", d.Line1, d.Line2, d.City, d.PostalCode, d.Country, d.Latitude, d.Longitude);
        var coupons = request.CouponCodes;
        if (coupons is { Count: > Cart.MaxCoupons }) errors.Add("couponCodes", $"must contain at most {Cart.MaxCoupons} codes.");
        else for (var i = 0; i < (coupons?.Count ?? 0); i++) errors.Code($"couponCodes[{i}]", coupons![i]?.Trim());
        if (!errors.IsValid) return errors.ToProblem();

        var destination = request.ShippingDestination is { } a
            ? new Destination(a.Line1.Trim(), a.Line2?.Trim(), a.City.Trim(), a.PostalCode.Trim(), a.Country.ToUpperInvariant(), a.Latitude, a.Longitude) : null;
        var (cart, problem) = await access.EditAsync(id, http, user, cart =>
        {
            cart.Update(store, destination, coupons?.Select(c => c.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList(), clock.GetUtcNow().UtcDateTime);
            return null;
        }, ct);
        return cart is null ? problem! : TypedResults.Ok(await view.DetailsAsync(cart, ct));
    }
}
