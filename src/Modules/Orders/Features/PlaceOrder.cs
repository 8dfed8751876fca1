using System.Security.Claims;
using Omni.Contracts.Identity;
using Omni.Contracts.Orders;

namespace Omni.Orders.Features;

/// <summary><c>POST /orders</c>: the HTTP face of <see cref="OrderPlacement"/>, where placing an order happens.</summary>
internal static class PlaceOrder
{
    public static void Map(RouteGroupBuilder orders) =>
        orders.MapPost("/", Handle).WithName(nameof(PlaceOrder)).RequireAuthorization(Scopes.Policy(Scopes.Orders));

    internal static async Task<IResult> Handle(PlaceOrderRequest request, HttpRequest http, ClaimsPrincipal user, OrderPlacement placement, CancellationToken ct)
    {
        var (key, badKey) = Idempotency.ScopedKey(http, user, nameof(PlaceOrder));
        if (badKey is not null) return badKey;

        var placed = await placement.PlaceOrderAsync(request, new OrderPlacementOptions(user.Actor(), key), ct);
        return placed.Order is { } order
            ? TypedResults.Created($"/api/v1/orders/{order.Id}", order.ToDetails())
            : TypedResults.Problem(placed.Problem!);
    }
}
