using System.Security.Claims;
using Omni.Common.Errors;
using Omni.Common.Validation;
using Omni.Contracts.Orders;

namespace Omni.Carts.Features;

public sealed record UpdateCartLineRequest(int? Quantity, FulfillmentMethod? Fulfillment);

/// <summary>Sets a line's quantity and/or how it reaches the shopper.</summary>
internal static class UpdateCartLine
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder carts) =>
        carts.MapPatch("/{id:guid}/lines/{sku}", Handle).WithName(nameof(UpdateCartLine)).WithSummary("Sets a line's quantity or fulfillment.");

    internal static async Task<IResult> Handle(Guid id, string sku, UpdateCartLineRequest request, HttpRequest http, ClaimsPrincipal user,
        CartAccess access, CartView view, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Validator();
        if (request.Quantity is null && request.Fulfillment is null) errors.Add("quantity", "or fulfillment is required.");
        if (request.Quantity is not null) CartInput.Quantity(errors, "quantity", request.Quantity);
        CartInput.Method(errors, "fulfillment", request.Fulfillment);
        if (!errors.IsValid) return errors.ToProblem();

        var (cart, problem) = await access.EditAsync(id, http, user, cart =>
        {
            if (cart.Line(CartInput.Sku(sku)) is not { } line) return Problems.NotFound("Cart line", sku);
            cart.Change(line, request.Quantity, request.Fulfillment, clock.GetUtcNow().UtcDateTime);
            return null;
        }, ct);
        return cart is null ? problem! : TypedResults.Ok(await view.DetailsAsync(cart, ct));
    }
}
