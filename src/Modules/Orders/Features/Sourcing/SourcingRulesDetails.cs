using Omni.Orders.Domain;
using Omni.Orders.Sourcing;

namespace Omni.Orders.Features.Sourcing;

/// <summary>A rule set with its version; version 0 is the built-in default, in force until the first edit.</summary>
internal sealed record SourcingRulesDetails(int Version, DateTime? CreatedAt, string? CreatedBy, SourcingRules Rules)
{
    public static SourcingRulesDetails Of(SourcingRuleSet set) => new(set.Version, set.CreatedAt, set.CreatedBy, Data.SourcingData.Read(set));

    public static readonly SourcingRulesDetails Default = new(0, null, null, SourcingRules.Default);
}

internal sealed record SourcingRuleVersion(int Version, DateTime CreatedAt, string CreatedBy);

internal sealed record SourcingRuleVersionPage(IReadOnlyList<SourcingRuleVersion> Items, string? Next);
