using System.Security.Claims;
using Omni.Common.Errors;

namespace Omni.Carts.Features;

internal static class RemoveCartLine
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder carts) =>
        carts.MapDelete("/{id:guid}/lines/{sku}", Handle).WithName(nameof(RemoveCartLine)).WithSummary("Removes a SKU from the cart.");

    internal static async Task<IResult> Handle(Guid id, string sku, HttpRequest http, ClaimsPrincipal user,
        CartAccess access, CartView view, TimeProvider clock, CancellationToken ct)
    {
        var (cart, problem) = await access.EditAsync(id, http, user, cart =>
        {
            if (cart.Line(CartInput.Sku(sku)) is not { } line) return Problems.NotFound("Cart line", sku);
            cart.Remove(line, clock.GetUtcNow().UtcDateTime);
            return null;
        }, ct);
        return cart is null ? problem! : TypedResults.Ok(await view.DetailsAsync(cart, ct));
    }
}
