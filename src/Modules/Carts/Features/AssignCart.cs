using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Omni.Carts.Data;
using Omni.Carts.Domain;
using Omni.Common.Data;
using Omni.Common.Validation;

namespace Omni.Carts.Features;

public sealed record AssignCartRequest(Guid? CustomerId, string? DeviceId);

/// <summary>
/// Sign-in: the device's cart becomes the customer's. When the customer already has an active cart (from another
/// device) the device's cart merges into it — quantities of a SKU in both add up — and is left <c>merged</c>, so the
/// customer has one cart everywhere. The answer is the customer's cart.
/// </summary>
internal static class AssignCart
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder carts) =>
        carts.MapPost("/{id:guid}/assign", Handle).WithName(nameof(AssignCart))
            .WithSummary("Assigns the cart to a signed-in customer, merging it into the customer's active cart if there is one.");

    internal static async Task<IResult> Handle(Guid id, AssignCartRequest request, HttpRequest http, ClaimsPrincipal user,
        CartsDbContext db, DbSession session, CartAccess access, CartView view, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Validator();
        if (errors.Required("customerId", request.CustomerId) && request.CustomerId == Guid.Empty) errors.Add("customerId", "must not be empty.");
        errors.Optional("deviceId", request.DeviceId, 100);
        if (!errors.IsValid) return errors.ToProblem();
        var customerId = request.CustomerId!.Value;

        // Two devices signing in at once may both find no cart of the customer and both try to make theirs the one;
        // the unique index lets one win, and the other, tried again, merges into it.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var (cart, problem) = await session.InTransactionAsync<(Cart?, IResult?)>(async () =>
                {
                    var now = clock.GetUtcNow().UtcDateTime;
                    var device = await access.LockAsync(id, ct);
                    if (device is null || !CartAccess.Allows(device, http, user)) return (null, CartAccess.NotFound(id));
                    device.UseOn(request.DeviceId);
                    var existingId = await db.Carts.AsNoTracking()
                        .Where(c => c.CustomerId == customerId && c.Status == CartStatus.Active && c.Id != id)
                        .Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
                    var target = existingId is { } existing ? await access.LockAsync(existing, ct) : null;
                    device.AssignTo(customerId, now);
                    target?.Absorb(device, now);
                    await db.SaveChangesAsync(ct);
                    return (target ?? device, null);
                }, ct);
                return cart is null ? problem! : TypedResults.Ok(await view.DetailsAsync(cart, ct));
            }
            catch (DbUpdateException e) when (attempt == 0 && UniqueViolation.Is(e))
            {
            }
        }
    }
}
