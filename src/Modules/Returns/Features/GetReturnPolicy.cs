using Omni.Returns.Data;

namespace Omni.Returns.Features;

internal static class GetReturnPolicy
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder returns) =>
        returns.MapGet("/policy", Handle).WithName(nameof(GetReturnPolicy));

    internal static async Task<IResult> Handle(ReturnsDbContext db, CancellationToken ct)
    {
        var (policy, record) = await ReturnPolicies.LoadAsync(db, ct);
        return TypedResults.Ok(ReturnPolicies.ToDetails(policy, record));
    }
}
