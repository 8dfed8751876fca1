using System.Security.Claims;
using Omni.Carts.Data;
using Omni.Carts.Domain;
using Omni.Common.Data;
using Omni.Common.Errors;
using Omni.Common.Validation;
using Omni.Contracts;
using Omni.Contracts.Identity;
using Omni.Contracts.Inventory;
using Omni.Contracts.Locations;
using Omni.Contracts.Orders;

namespace Omni.Carts.Features;

public sealed record HoldCartRequest(int? Seconds);

/// <summary>
/// Keeps the cart's units back while the shopper pays: every line is reserved (pickup and carry-out lines at the
/// preferred store, ship lines at one location that can send the whole line — the nearest to the destination, else
/// the deepest stock) until the hold expires, when a background job gives them back. Holding again replaces the
/// hold. Checkout turns the hold into the order's reservations in the same transaction.
/// </summary>
internal static class HoldCart
{
    private const int DefaultSeconds = 900;
    private const int MaxSeconds = 3600;

    public static RouteHandlerBuilder Map(RouteGroupBuilder carts) =>
        carts.MapPost("/{id:guid}/hold", Handle).WithName(nameof(HoldCart)).WithSummary("Holds the cart's stock for a limited time while the shopper pays.");

    internal static async Task<IResult> Handle(Guid id, HoldCartRequest? request, HttpRequest http, ClaimsPrincipal user,
        CartsDbContext db, DbSession session, CartAccess access, CartView view, IStockLevels stock, IStockReservations reservations,
        ILocationDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Validator();
        if (request?.Seconds is { } given) errors.Range("seconds", given, 1, MaxSeconds);
        if (!errors.IsValid) return errors.ToProblem();
        if (await access.FindAsync(id, http, user, ct) is not { } cart) return CartAccess.NotFound(id);
        CheckoutCart.EnsureReady(cart);

        var now = clock.GetUtcNow().UtcDateTime;
        var held = await reservations.HeldAsync(cart.Id, now, ct);
        var levels = (await stock.ForSkusAsync([.. cart.Lines.Select(l => l.Sku)], ct)).CountingHeldAsAvailable(held);
        var locations = await directory.AllAsync(ct);
        var claims = cart.Lines.Select(line => Source(line, cart, levels, locations) is { } at
            ? new StockClaim(cart.Id, line.Id, at, line.Sku, line.Quantity) : null).ToList();
        if (claims.Contains(null)) throw Short(cart.Lines.Where((_, i) => claims[i] is null).Select(l => l.Sku));

        var expiresAt = now.AddSeconds(request?.Seconds ?? DefaultSeconds);
        var holding = await session.InTransactionAsync(async () =>
        {
            // Stock first, then the cart row: the order checkout takes its locks in.
            var failed = await reservations.HoldAsync(cart.Id, claims!, expiresAt, user.Actor(), now, ct);
            if (failed.Count > 0) throw Short(failed.Select(f => f.Sku));
            var locked = await access.LockAsync(id, ct);
            if (locked!.Version != cart.Version) throw CheckoutCart.Changed();
            locked.Hold(expiresAt, now);
            await db.SaveChangesAsync(ct);
            return locked;
        }, ct);
        return TypedResults.Ok(await view.DetailsAsync(holding, ct));
    }

    private static string? Source(CartLine line, Cart cart, IReadOnlyList<StockLevel> levels, IReadOnlyDictionary<string, LocationSnapshot> locations)
    {
        if (line.Method != FulfillmentMethod.Ship)
            return levels.Any(l => l.Sku == line.Sku && l.LocationCode == cart.PreferredStore && l.Available >= line.Quantity) ? cart.PreferredStore : null;
        var candidates = levels.Where(l => l.Sku == line.Sku && l.Available >= line.Quantity
            && locations.TryGetValue(l.LocationCode, out var at) && at.Can(LocationCapability.Ship));
        var ordered = cart.ShippingDestination is { Latitude: { } lat, Longitude: { } lon }
            ? candidates.OrderBy(l => Geo.DistanceKm(lat, lon, locations[l.LocationCode].Latitude, locations[l.LocationCode].Longitude))
            : candidates.OrderByDescending(l => l.Available);
        return ordered.FirstOrDefault()?.LocationCode;
    }

    private static DomainException Short(IEnumerable<string> skus)
    {
        var list = skus.Distinct().ToList();
        return new DomainException("insufficient_stock", $"Not enough stock to hold: {string.Join(", ", list)}.",
            StatusCodes.Status409Conflict, new Dictionary<string, object?> { ["skus"] = list });
    }
}
