using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Omni.Carts.Data;
using Omni.Carts.Domain;
using Omni.Common.Errors;
using Omni.Contracts.Identity;

namespace Omni.Carts.Features;

/// <summary>
/// A store associate opens a shopper's cart from its handoff code. Only a store-bound key may; from then on that
/// store's keys may act on the cart (change it, check it out as a store sale) without the shopper's token. Opening
/// again is harmless, so this stays a GET.
/// </summary>
internal static class OpenHandoff
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder carts) =>
        carts.MapGet("/handoff/{code}", Handle).WithName(nameof(OpenHandoff))
            .WithSummary("Opens a cart from its handoff code (store-bound keys only) and hands it over to the key's store.");

    internal static async Task<IResult> Handle(string code, HttpRequest http, ClaimsPrincipal user, CartsDbContext db,
        CartAccess access, CartView view, TimeProvider clock, CancellationToken ct)
    {
        if (user.BoundStore() is not { } store) return Problems.Forbidden("Only a key bound to a store may open a handed-off cart.");
        var now = clock.GetUtcNow().UtcDateTime;
        var normalized = HandoffCode.Normalize(code);
        var id = normalized is null ? null
            : await db.Carts.AsNoTracking().Where(c => c.HandoffCode == normalized && c.HandoffExpiresAt > now).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        if (id is null) return Problems.NotFound("Handoff code", code);

        var (cart, problem) = await access.EditAsync(id.Value, http, user, cart =>
        {
            // The code is the associate's credential here, not the shopper's token.
            if (cart.HandoffCode != normalized || cart.HandoffExpiresAt <= now) return Problems.NotFound("Handoff code", code);
            cart.HandOffTo(store.ToUpperInvariant(), now);
            return null;
        }, ct, requireAccess: false);
        return cart is null ? problem! : TypedResults.Ok(await view.DetailsAsync(cart, ct));
    }
}
