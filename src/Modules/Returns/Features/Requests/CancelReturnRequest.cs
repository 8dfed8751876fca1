using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Errors;
using Omni.Contracts.Identity;
using Omni.Contracts.Returns;
using Omni.Returns.Data;

namespace Omni.Returns.Features.Requests;

/// <summary>Calls off a return started online before the goods came in; the store stops expecting them.</summary>
internal static class CancelReturnRequest
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder requests) =>
        requests.MapPost("/{id:guid}/cancel", Handle).WithName(nameof(CancelReturnRequest));

    internal static async Task<IResult> Handle(Guid id, ClaimsPrincipal user, ReturnsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var request = await db.Requests.FindAsync([id], ct);
        if (request is null) return Problems.NotFound("Return request", id.ToString());
        if (!user.MayActFor(request.LocationCode)) return Problems.ForStoreOnly(user.BoundStore());
        var now = clock.GetUtcNow().UtcDateTime;
        if (request.CannotMove(Domain.ReturnRequestStatus.Cancelled, now) is { } refused) return Problems.Conflict(refused.Code, refused.Message);

        request.Cancel(now);
        db.Publish(new ReturnRequestCancelled(request.Id, request.OrderId, request.LocationCode), now);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("return_request_not_open", $"Return {request.Code} was received or cancelled a moment ago.");
        }
        return TypedResults.Ok(request.ToDetails(now));
    }
}
