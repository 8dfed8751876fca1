using System.Security.Claims;
using Omni.Carts.Data;
using Omni.Carts.Features;
using Omni.Common.Data;
using Omni.Contracts;
using Omni.Contracts.Catalog;
using Omni.Contracts.Locations;
using Omni.Contracts.Orders;
using Omni.Contracts.Pricing;
using Omni.Web.Account;

namespace Omni.Web.Storefront;

/// <summary>
/// The shopper's cart as the storefront reaches it through the Carts module's own handlers, holding the credentials the
/// API would ask a client for: an anonymous cart's token lives in a Secure, HttpOnly cookie; a signed-in shopper's cart
/// is the customer's one cart, reached by their profile id from any device. Signing in merges the device's cart into it.
/// </summary>
internal sealed class ShopperCart(
    IHttpContextAccessor http, ShopperProfile profile, ShopperStore myStore, CartsDbContext db, DbSession session, CartAccess access, CartView view,
    ICatalogLookup catalog, ILocationDirectory directory, IPriceQuotes prices, IOrderPlacement placement, TimeProvider clock)
{
    private const string Cookie = "omni.cart";

    /// <summary>The token opens the cart: scripts never see it, and it never travels over plain HTTP.</summary>
    private static readonly CookieOptions CookieOptions = new() { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Lax, IsEssential = true };

    private (Guid Id, string Token)? _device;
    private bool _deviceKnown;

    private HttpContext Context => http.HttpContext!;
    private ClaimsPrincipal User => Context.User;

    /// <summary>The shopper's active cart; null when they have none yet. A device cart left from before sign-in joins the customer's here.</summary>
    public async Task<CartDetails?> CurrentAsync(CancellationToken ct = default)
    {
        var customer = await profile.CustomerIdAsync(ct);
        if (customer is { } id)
        {
            if (await DeviceCartAsync(ct) is { } device && await MergeAsync(device, id, ct) is { } merged) return merged;
            return (await GetCustomerCart.Handle(id, db, view, ct)).Read<CartDetails>().Value;
        }
        return await DeviceCartAsync(ct);
    }

    /// <summary>Sign-in and registration: the device's anonymous cart merges into the customer's one cart.</summary>
    public async Task MergeAtSignInAsync(string email, string? name, CancellationToken ct = default)
    {
        if (await DeviceCartAsync(ct) is { } device) await MergeAsync(device, await profile.SignedInAsync(email, name, ct), ct);
    }

    /// <summary>Adds units of a SKU, starting a cart first when the shopper has none; pickup lines use the shopper's store.</summary>
    public async Task<HandlerResult<CartDetails>> AddAsync(string sku, int quantity, CancellationToken ct = default)
    {
        var cart = await CurrentAsync(ct) ?? await StartAsync(ct);
        if (myStore.Code is { } store && cart.PreferredStore is null)
        {
            var updated = await UpdateAsync(cart.Id, new UpdateCartRequest(store, null, null), ct);
            if (!updated.Succeeded) return updated;
        }
        return await Run(async () => await AddCartLine.Handle(cart.Id, new AddCartLineRequest(sku, quantity, null), Request(), User, access, view, catalog, clock, ct));
    }

    public Task<HandlerResult<CartDetails>> ChangeQuantityAsync(Guid cart, string sku, int quantity, CancellationToken ct = default) =>
        Run(async () => await UpdateCartLine.Handle(cart, sku, new UpdateCartLineRequest(quantity, null), Request(), User, access, view, clock, ct));

    public Task<HandlerResult<CartDetails>> RemoveAsync(Guid cart, string sku, CancellationToken ct = default) =>
        Run(async () => await RemoveCartLine.Handle(cart, sku, Request(), User, access, view, clock, ct));

    public Task<HandlerResult<CartDetails>> UpdateAsync(Guid cart, UpdateCartRequest request, CancellationToken ct = default) =>
        Run(async () => await UpdateCart.Handle(cart, request, Request(), User, access, view, directory, clock, ct));

    /// <summary>
    /// Sets how every line reaches the shopper (one method per checkout) and where, then places the order through the
    /// cart's checkout: the path of <c>POST /api/v1/carts/{id}/checkout</c>, with the checkout form's idempotency key, so
    /// a form sent twice places one order and both answers name it.
    /// </summary>
    public async Task<HandlerResult<CartDetails>> CheckoutAsync(Guid cartId, CheckoutChoice choice, CheckoutCartRequest request, string idempotencyKey,
        CancellationToken ct = default)
    {
        await profile.CustomerIdAsync(ct);
        var cart = (await GetCart.Handle(cartId, Request(), User, access, view, ct)).Read<CartDetails>().Value;
        if (cart is null) return Refused("This cart is no longer yours to check out.");
        if (cart.Status == "active")
        {
            var prepared = await PrepareAsync(cart, choice, ct);
            if (!prepared.Succeeded) return prepared;
        }

        var placed = await Run(async () => await CheckoutCart.Handle(cartId, request, Request(idempotencyKey: idempotencyKey), User, db, access, view, prices, placement, clock, ct, directory));
        if (placed.Succeeded) return placed;
        // A twin submit of the same form may have converted the cart first (this one then lost the race on the cart's
        // version): asking again with the same key answers that order.
        var now = (await GetCart.Handle(cartId, Request(), User, access, view, ct)).Read<CartDetails>().Value;
        return now?.Status == "converted" && cart.Status == "active"
            ? await Run(async () => await CheckoutCart.Handle(cartId, request, Request(idempotencyKey: idempotencyKey), User, db, access, view, prices, placement, clock, ct, directory))
            : placed;
    }

    /// <summary>True when <paramref name="cartId"/> is a cart this shopper may reach and it became <paramref name="orderId"/>.</summary>
    public async Task<bool> CheckedOutAsync(Guid cartId, Guid orderId, CancellationToken ct = default)
    {
        await profile.CustomerIdAsync(ct);
        return (await GetCart.Handle(cartId, Request(), User, access, view, ct)).Read<CartDetails>().Value?.OrderId == orderId;
    }

    private async Task<HandlerResult<CartDetails>> PrepareAsync(CartDetails cart, CheckoutChoice choice, CancellationToken ct)
    {
        var atStore = choice.Method != FulfillmentMethod.Ship;
        var update = atStore
            ? (cart.PreferredStore == choice.Store ? null : new UpdateCartRequest(choice.Store ?? "", null, null))
            : (cart.ShippingDestination == choice.Address ? null : new UpdateCartRequest(null, choice.Address, null));
        if (update is not null)
        {
            var updated = await UpdateAsync(cart.Id, update, ct);
            if (!updated.Succeeded) return updated;
            cart = updated.Value!;
        }
        foreach (var line in cart.Lines.Where(l => l.Fulfillment != choice.Method))
        {
            var changed = await Run(async () => await UpdateCartLine.Handle(cart.Id, line.Sku, new UpdateCartLineRequest(null, choice.Method),
                Request(), User, access, view, clock, ct));
            if (!changed.Succeeded) return changed;
            cart = changed.Value!;
        }
        return new(cart, new Dictionary<string, string[]>());
    }

    private async Task<CartDetails> StartAsync(CancellationToken ct)
    {
        var created = (await CreateCart.Handle(new CreateCartRequest(SalesChannel.Web, null), db, view, clock, ct)).Read<CartCreated>().Value!;
        if (await profile.CustomerIdAsync(ct) is { } customer)
            return (await AssignCart.Handle(created.Cart.Id, new AssignCartRequest(customer, null), Request(created.Token), User, db, session, access, view, clock, ct))
                .Read<CartDetails>().Value!;
        Context.Response.Cookies.Append(Cookie, $"{created.Cart.Id:N}.{created.Token}", new CookieOptions(CookieOptions) { MaxAge = TimeSpan.FromDays(30) });
        (_device, _deviceKnown) = ((created.Cart.Id, created.Token), true);
        return created.Cart;
    }

    /// <summary>The active cart the cookie names, if any.</summary>
    private async Task<CartDetails?> DeviceCartAsync(CancellationToken ct) =>
        Read() is { } saved && (await GetCart.Handle(saved.Id, Request(), User, access, view, ct)).Read<CartDetails>().Value is { Status: "active" } cart
            ? cart : null;

    private async Task<CartDetails?> MergeAsync(CartDetails device, Guid customer, CancellationToken ct)
    {
        var merged = await Run(async () => await AssignCart.Handle(device.Id, new AssignCartRequest(customer, null), Request(), User, db, session, access, view, clock, ct));
        // The device's cart is the customer's now (or merged into it): from here on the profile reaches it from anywhere.
        Context.Response.Cookies.Delete(Cookie, CookieOptions);
        (_device, _deviceKnown) = (null, true);
        return merged.Value;
    }

    /// <summary>The request the cart handlers read their credentials from, as an API client would send them.</summary>
    private HttpRequest Request(string? token = null, string? idempotencyKey = null)
    {
        var request = new DefaultHttpContext().Request;
        if ((token ?? Read()?.Token) is { } cartToken) request.Headers[CartAccess.TokenHeader] = cartToken;
        if (profile.KnownCustomerId is { } customer) request.Headers[CartAccess.CustomerHeader] = customer.ToString();
        if (idempotencyKey is not null) request.Headers["Idempotency-Key"] = idempotencyKey;
        return request;
    }

    /// <summary>This device's cart: the cookie the browser sent, or the cart this request started (its cookie is on the way back).</summary>
    private (Guid Id, string Token)? Read()
    {
        if (_deviceKnown) return _device;
        _deviceKnown = true;
        return _device = Context.Request.Cookies[Cookie] is { Length: <= 200 } value && value.Split('.') is [var id, var token] && Guid.TryParse(id, out var cartId)
            ? (cartId, token) : null;
    }

    /// <summary>A handler's answer; a business rule's refusal (which the API turns into a 409) reads as a refusal too.</summary>
    private async Task<HandlerResult<CartDetails>> Run(Func<Task<IResult>> call)
    {
        await profile.CustomerIdAsync();
        var result = await HandlerResults.Attempt<CartDetails>(call);
        // A refused change rolled back; forget what the context tracked of it so the next read sees the database.
        if (!result.Succeeded) db.ChangeTracker.Clear();
        return result;
    }

    private static HandlerResult<CartDetails> Refused(string message) => new(null, new Dictionary<string, string[]> { [""] = [message] });
}

/// <summary>How the shopper wants the order: one method for every line, at a store or to an address.</summary>
internal sealed record CheckoutChoice(FulfillmentMethod Method, string? Store, AddressInput? Address);
