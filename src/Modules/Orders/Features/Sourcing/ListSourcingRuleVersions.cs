using Microsoft.EntityFrameworkCore;
using Omni.Orders.Data;

namespace Omni.Orders.Features.Sourcing;

internal static class ListSourcingRuleVersions
{
    public static void Map(RouteGroupBuilder sourcing) =>
        sourcing.MapGet("/rules/versions", Handle).WithName(nameof(ListSourcingRuleVersions))
            .WithSummary("Every saved version of the sourcing rules, newest first.");

    // Rule sets are edited by hand a few times a year: one page holds them all.
    internal static async Task<IResult> Handle(OrdersDbContext db, CancellationToken ct)
    {
        var versions = await db.SourcingRuleSets.AsNoTracking().OrderByDescending(r => r.Version)
            .Select(r => new SourcingRuleVersion(r.Version, r.CreatedAt, r.CreatedBy)).ToListAsync(ct);
        return TypedResults.Ok(new SourcingRuleVersionPage(versions, null));
    }
}
