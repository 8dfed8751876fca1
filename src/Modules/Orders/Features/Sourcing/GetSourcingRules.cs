using Microsoft.EntityFrameworkCore;
using Omni.Common.Errors;
using Omni.Orders.Data;

namespace Omni.Orders.Features.Sourcing;

internal static class GetSourcingRules
{
    public static void Map(RouteGroupBuilder sourcing) =>
        sourcing.MapGet("/rules", Handle).WithName(nameof(GetSourcingRules))
            .WithSummary("The sourcing rules in force, or with ?version= an earlier version.");

    internal static async Task<IResult> Handle(int? version, OrdersDbContext db, CancellationToken ct)
    {
        var query = db.SourcingRuleSets.AsNoTracking();
        var set = version is { } v
            ? await query.FirstOrDefaultAsync(r => r.Version == v, ct)
            : await query.OrderByDescending(r => r.Version).FirstOrDefaultAsync(ct);
        if (set is not null) return TypedResults.Ok(SourcingRulesDetails.Of(set));
        return version is null or 0 ? TypedResults.Ok(SourcingRulesDetails.Default) : Problems.NotFound("Sourcing rules version", version.ToString()!);
    }
}
