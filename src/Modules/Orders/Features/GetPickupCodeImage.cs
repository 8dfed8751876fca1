using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Errors;
using Omni.Contracts.Identity;
using Omni.Orders.Data;
using QRCoder;

namespace Omni.Orders.Features;

/// <summary>
/// The pickup code as a QR image for the customer's phone or e-mail; the counter scans it instead of typing. It encodes
/// <c>omni-pickup:{fulfillment id}:{code}</c>, so one scan finds the fulfillment and proves the code. A store-bound key
/// gets no image, as it gets no code: the code must come from the customer.
/// </summary>
internal static class GetPickupCodeImage
{
    private const int PixelsPerModule = 8;

    public static void Map(RouteGroupBuilder fulfillments) =>
        fulfillments.MapGet("/{id:guid}/pickup-code.png", Handle).WithName(nameof(GetPickupCodeImage)).Produces(StatusCodes.Status200OK, contentType: "image/png");

    internal static async Task<IResult> Handle(Guid id, ClaimsPrincipal user, OrdersDbContext db, CancellationToken ct)
    {
        var fulfillment = await db.Fulfillments.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (fulfillment is null) return Problems.NotFound("Fulfillment", id.ToString());
        if (user.BoundStore() is not null) return Problems.Forbidden("Store-bound keys do not see pickup codes: the customer shows them at the counter.");
        if (fulfillment.PickupCode is not { } code)
            return Problems.Conflict("no_pickup_code", "The fulfillment has no open pickup code: it is not ready for pickup, or it was handed over or expired.");
        var png = PngByteQRCodeHelper.GetQRCode($"omni-pickup:{fulfillment.Id}:{code}", QRCodeGenerator.ECCLevel.M, PixelsPerModule);
        return TypedResults.File(png, "image/png");
    }
}
