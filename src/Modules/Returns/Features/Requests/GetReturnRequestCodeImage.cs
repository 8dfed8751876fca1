using Microsoft.EntityFrameworkCore;
using Omni.Common.Errors;
using Omni.Returns.Data;
using QRCoder;

namespace Omni.Returns.Features.Requests;

/// <summary>
/// The return code as a QR image for the customer's phone; the counter scans it instead of typing. It encodes
/// <c>omni-return:{code}</c>, what the store's look-up by code takes.
/// </summary>
internal static class GetReturnRequestCodeImage
{
    private const int PixelsPerModule = 8;

    public static RouteHandlerBuilder Map(RouteGroupBuilder requests) =>
        requests.MapGet("/{id:guid}/code.png", Handle).WithName(nameof(GetReturnRequestCodeImage)).Produces(StatusCodes.Status200OK, contentType: "image/png");

    internal static async Task<IResult> Handle(Guid id, ReturnsDbContext db, CancellationToken ct)
    {
        var code = await db.Requests.AsNoTracking().Where(r => r.Id == id).Select(r => r.Code).FirstOrDefaultAsync(ct);
        if (code is null) return Problems.NotFound("Return request", id.ToString());
        return TypedResults.File(PngByteQRCodeHelper.GetQRCode($"omni-return:{code}", QRCodeGenerator.ECCLevel.M, PixelsPerModule), "image/png");
    }
}
