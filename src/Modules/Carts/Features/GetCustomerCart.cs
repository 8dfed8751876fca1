using Microsoft.EntityFrameworkCore;
using Omni.Carts.Data;
using Omni.Carts.Domain;
using Omni.Common.Errors;

namespace Omni.Carts.Features;

/// <summary>The signed-in customer's one active cart, from whichever device asks.</summary>
internal static class GetCustomerCart
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) =>
        api.MapGet("/customers/{customerId:guid}/cart", Handle).WithName(nameof(GetCustomerCart)).WithTags("Carts")
            .WithSummary("The customer's active cart, from any device.");

    internal static async Task<IResult> Handle(Guid customerId, CartsDbContext db, CartView view, CancellationToken ct) =>
        await db.Carts.AsNoTracking().FirstOrDefaultAsync(c => c.CustomerId == customerId && c.Status == CartStatus.Active, ct) is { } cart
            ? TypedResults.Ok(await view.DetailsAsync(cart, ct))
            : Problems.NotFound("Active cart of customer", customerId.ToString());
}
