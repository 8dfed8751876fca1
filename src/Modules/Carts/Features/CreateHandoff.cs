using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Omni.Carts.Domain;
using Omni.Common.Data;
using QRCoder;

namespace Omni.Carts.Features;

/// <param name="Code">What the shopper shows or reads out, e.g. <c>K7M2-9QXD</c>.</param>
/// <param name="ExpiresAt">After this the code opens nothing; ask for a new one.</param>
/// <param name="QrCodePng">The code as a QR image: PNG, base64 (ready for a <c>data:image/png;base64,</c> URL).</param>
public sealed record HandoffDetails(string Code, DateTime ExpiresAt, string QrCodePng);

/// <summary>A code (and its QR image) with which a store associate opens this cart to finish the sale in the store.</summary>
internal static class CreateHandoff
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder carts) =>
        carts.MapPost("/{id:guid}/handoff", Handle).WithName(nameof(CreateHandoff))
            .WithSummary("Creates a short, expiring handoff code and its QR image for a store associate.");

    internal static async Task<IResult> Handle(Guid id, HttpRequest http, ClaimsPrincipal user, CartAccess access, TimeProvider clock, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var code = HandoffCode.New();
            var now = clock.GetUtcNow().UtcDateTime;
            try
            {
                var (cart, problem) = await access.EditAsync(id, http, user, cart =>
                {
                    cart.StartHandoff(code, now + HandoffCode.Lifetime, now);
                    return null;
                }, ct);
                if (cart is null) return problem!;
                var display = HandoffCode.Display(code);
                return TypedResults.Created($"/api/v1/carts/handoff/{display}", new HandoffDetails(display, cart.HandoffExpiresAt!.Value, QrPng(display)));
            }
            catch (DbUpdateException e) when (attempt < 3 && UniqueViolation.Is(e))
            {
                // Another cart holds this code right now: draw again.
            }
        }
    }

    private static string QrPng(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var png = new PngByteQRCode(data);
        return Convert.ToBase64String(png.GetGraphic(8));
    }
}
