using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;
using Omni.Common.Errors;
using Omni.Common.Validation;
using Omni.Contracts.Identity;
using Omni.Orders.Data;
using Omni.Orders.Domain;
using Omni.Orders.Sourcing;

namespace Omni.Orders.Features.Sourcing;

/// <summary>Saves a new version of the sourcing rules; earlier versions stay, so past decisions keep naming what they followed.</summary>
internal static class UpdateSourcingRules
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder sourcing) =>
        sourcing.MapPut("/rules", Handle).WithName(nameof(UpdateSourcingRules))
            .WithSummary("Replaces the sourcing rules by a new version.")
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<IResult> Handle(SourcingRules? request, ClaimsPrincipal user, OrdersDbContext db, SourcingSignals signals, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validator();
        SourcingRules.Validate(v, request);
        if (!v.IsValid) return v.ToProblem();

        var latest = await db.SourcingRuleSets.OrderByDescending(r => r.Version).Select(r => (int?)r.Version).FirstOrDefaultAsync(ct) ?? 0;
        var set = new SourcingRuleSet
        {
            Version = latest + 1, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = user.Actor(),
            Definition = JsonSerializer.Serialize(Normalized(request!), SourcingData.Json),
        };
        db.SourcingRuleSets.Add(set);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return Problems.Conflict("rules_changed", $"Someone saved version {set.Version} of the sourcing rules at the same time; read them again and retry.");
        }
        signals.InvalidateRules();
        return TypedResults.Ok(SourcingRulesDetails.Of(set));
    }

    private static SourcingRules Normalized(SourcingRules rules) => rules with
    {
        ExcludedLocations = [.. rules.ExcludedLocations.Select(c => c.ToUpperInvariant()).Distinct()],
        Eligibility = [.. rules.Eligibility.Select(r => r with { Locations = r.Locations?.Select(c => c.ToUpperInvariant()).Distinct().ToList() })],
    };
}
