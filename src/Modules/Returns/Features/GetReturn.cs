using Microsoft.EntityFrameworkCore;
using Omni.Common.Errors;
using Omni.Returns.Data;

namespace Omni.Returns.Features;

internal static class GetReturn
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder returns) =>
        returns.MapGet("/{id:guid}", Handle).WithName(nameof(GetReturn));

    internal static async Task<IResult> Handle(Guid id, ReturnsDbContext db, CancellationToken ct)
    {
        var found = await db.Returns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        return found is null ? Problems.NotFound("Return", id.ToString()) : TypedResults.Ok(found.ToDetails());
    }
}
