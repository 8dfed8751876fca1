using Microsoft.EntityFrameworkCore;
using Omni.Common.Errors;
using Omni.Returns.Data;

namespace Omni.Returns.Features.Requests;

internal static class GetReturnRequest
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder requests) =>
        requests.MapGet("/{id:guid}", Handle).WithName(nameof(GetReturnRequest));

    internal static async Task<IResult> Handle(Guid id, ReturnsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var found = await db.Requests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        return found is null ? Problems.NotFound("Return request", id.ToString()) : TypedResults.Ok(found.ToDetails(clock.GetUtcNow().UtcDateTime));
    }
}
