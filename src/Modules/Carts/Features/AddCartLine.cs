using System.Security.Claims;
using Omni.Common.Validation;
using Omni.Contracts.Catalog;
using Omni.Contracts.Orders;

namespace Omni.Carts.Features;

public sealed record AddCartLineRequest(string? Sku, int? Quantity, FulfillmentMethod? Fulfillment);

/// <summary>Adds units of a SKU; a SKU already in the cart gets more of it, so two devices adding at once both count.</summary>
internal static class AddCartLine
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder carts) =>
        carts.MapPost("/{id:guid}/lines", Handle).WithName(nameof(AddCartLine)).WithSummary("Adds units of a SKU to the cart.");

    internal static async Task<IResult> Handle(Guid id, AddCartLineRequest request, HttpRequest http, ClaimsPrincipal user,
        CartAccess access, CartView view, ICatalogLookup catalog, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Validator();
        errors.Code("sku", request.Sku);
        CartInput.Quantity(errors, "quantity", request.Quantity);
        CartInput.Method(errors, "fulfillment", request.Fulfillment);
        if (!errors.IsValid) return errors.ToProblem();
        var sku = CartInput.Sku(request.Sku!);
        if (!(await catalog.FindVariantsAsync([sku], ct)).TryGetValue(sku, out var variant))
            return errors.Add("sku", $"SKU '{request.Sku}' does not exist.").ToProblem();

        var (cart, problem) = await access.EditAsync(id, http, user, cart =>
        {
            cart.Add(variant.Sku, variant.Name, variant.Price.Currency, request.Quantity!.Value, request.Fulfillment, clock.GetUtcNow().UtcDateTime);
            return null;
        }, ct);
        return cart is null ? problem! : TypedResults.Ok(await view.DetailsAsync(cart, ct));
    }
}
