using Omni.Carts.Data;
using Omni.Carts.Domain;
using Omni.Common.Validation;
using Omni.Contracts;

namespace Omni.Carts.Features;

public sealed record CreateCartRequest(SalesChannel? Channel, string? DeviceId);

/// <summary>Starts an anonymous cart. The answer carries the cart's token once: the client keeps it and sends it back as <c>Cart-Token</c>.</summary>
internal static class CreateCart
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder carts) =>
        carts.MapPost("/", Handle).WithName(nameof(CreateCart)).WithSummary("Starts an anonymous cart and answers its token once.");

    internal static async Task<IResult> Handle(CreateCartRequest? request, CartsDbContext db, CartView view, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Validator();
        errors.Optional("deviceId", request?.DeviceId, 100);
        if (!errors.IsValid) return errors.ToProblem();

        var (token, hash) = CartAccess.NewToken();
        var cart = Cart.Create(hash, request?.Channel ?? SalesChannel.Web, request?.DeviceId, clock.GetUtcNow().UtcDateTime);
        db.Carts.Add(cart);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/carts/{cart.Id}", new CartCreated(token, await view.DetailsAsync(cart, ct)));
    }
}
