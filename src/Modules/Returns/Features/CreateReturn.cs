using System.Security.Claims;
using Omni.Common.Data;
using Omni.Contracts.Identity;

namespace Omni.Returns.Features;

/// <summary>A return at the counter (or by an integrator's POS): goods of any order, received at once through <see cref="ReturnDesk"/>.</summary>
internal static class CreateReturn
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder returns) =>
        returns.MapPost("/", Handle).WithName(nameof(CreateReturn));

    internal static async Task<IResult> Handle(CreateReturnRequest request, HttpRequest http, ClaimsPrincipal user, ReturnDesk desk, CancellationToken ct)
    {
        var (idempotency, badKey) = Idempotency.From(http, user.CallerId(), nameof(CreateReturn), request);
        return badKey ?? await desk.ReceiveAsync(request, idempotency, user, expected: null, ct);
    }
}
