using System.Security.Claims;

namespace Omni.Carts.Features;

internal static class GetCart
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder carts) =>
        carts.MapGet("/{id:guid}", Handle).WithName(nameof(GetCart)).WithSummary("The cart with live prices, promotions, availability and delivery options.");

    internal static async Task<IResult> Handle(Guid id, HttpRequest http, ClaimsPrincipal user, CartAccess access, CartView view, CancellationToken ct) =>
        await access.FindAsync(id, http, user, ct) is { } cart ? TypedResults.Ok(await view.DetailsAsync(cart, ct)) : CartAccess.NotFound(id);
}
