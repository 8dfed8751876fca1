using System.Security.Claims;
using Omni.Common.Validation;
using Omni.Contracts.Identity;
using Omni.Returns.Data;
using Omni.Returns.Domain;

namespace Omni.Returns.Features;

public sealed record CategoryWindowInput(string? Category, int? Days);

public sealed record ConditionRuleInput(ReturnCondition? Condition, bool? Accepted, Disposition? Disposition, List<string>? RefusedCategories);

public sealed record UpdateReturnPolicyRequest(int? DefaultWindowDays, List<CategoryWindowInput>? CategoryWindows,
    List<string>? FinalSaleCategories, List<string>? FinalSaleSkus, List<ConditionRuleInput>? Conditions);

/// <summary>Replaces the return policy of every channel; returns received later follow it, earlier ones keep what they refunded.</summary>
internal static class UpdateReturnPolicy
{
    private const int MaxDays = 3650;
    private const int MaxEntries = 1000;

    public static RouteHandlerBuilder Map(RouteGroupBuilder returns) =>
        returns.MapPut("/policy", Handle).WithName(nameof(UpdateReturnPolicy));

    internal static async Task<IResult> Handle(UpdateReturnPolicyRequest request, ClaimsPrincipal user, ReturnsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Validator();
        var policy = Validate(request, errors);
        if (!errors.IsValid) return errors.ToProblem();

        var (_, record) = await ReturnPolicies.LoadAsync(db, ct);
        record.Document = policy!.ToDocument();
        record.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        record.UpdatedBy = user.Actor();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ReturnPolicies.ToDetails(policy!, record));
    }

    private static ReturnPolicy? Validate(UpdateReturnPolicyRequest request, Validator errors)
    {
        if (errors.Required("defaultWindowDays", request.DefaultWindowDays)) errors.Range("defaultWindowDays", request.DefaultWindowDays!.Value, 0, MaxDays);

        var windows = new List<CategoryWindow>();
        foreach (var (window, i) in Entries(errors, "categoryWindows", request.CategoryWindows))
        {
            if (window is null) { errors.Add($"categoryWindows[{i}]", "is required."); continue; }
            var ok = errors.Required($"categoryWindows[{i}].category", window.Category);
            if (errors.Required($"categoryWindows[{i}].days", window.Days)) errors.Range($"categoryWindows[{i}].days", window.Days!.Value, 0, MaxDays);
            if (ok && window.Days is { } days) windows.Add(new CategoryWindow(window.Category!.Trim(), days));
        }
        if (windows.GroupBy(w => w.Category, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
            errors.Add("categoryWindows", "must name each category once.");

        var finalCategories = Categories(errors, "finalSaleCategories", request.FinalSaleCategories);
        var finalSkus = new List<string>();
        foreach (var (sku, i) in Entries(errors, "finalSaleSkus", request.FinalSaleSkus))
            if (errors.Code($"finalSaleSkus[{i}]", sku)) finalSkus.Add(sku!.ToUpperInvariant());

        var conditions = new List<ConditionRule>();
        foreach (var (rule, i) in Entries(errors, "conditions", request.Conditions))
        {
            if (rule is null) { errors.Add($"conditions[{i}]", "is required."); continue; }
            var ok = errors.Required($"conditions[{i}].condition", rule.Condition)
                & errors.Required($"conditions[{i}].accepted", rule.Accepted)
                & errors.Required($"conditions[{i}].disposition", rule.Disposition);
            var refused = Categories(errors, $"conditions[{i}].refusedCategories", rule.RefusedCategories);
            if (ok) conditions.Add(new ConditionRule(rule.Condition!.Value, rule.Accepted!.Value, rule.Disposition!.Value, refused));
        }
        var kinds = Enum.GetValues<ReturnCondition>().Length;
        if (request.Conditions is not null && errors.IsValid && (conditions.Count != kinds || conditions.Select(c => c.Condition).Distinct().Count() != kinds))
            errors.Add("conditions", "must have exactly one rule for each condition: sellable, opened and damaged.");
        if (request.Conditions is null) errors.Add("conditions", "is required: one rule for each condition (sellable, opened, damaged).");

        return errors.IsValid ? new ReturnPolicy(request.DefaultWindowDays!.Value, windows, finalCategories, finalSkus.Distinct().ToList(), conditions) : null;
    }

    private static List<string> Categories(Validator errors, string field, List<string>? values)
    {
        var categories = new List<string>();
        foreach (var (category, i) in Entries(errors, field, values))
            if (errors.Required($"{field}[{i}]", category)) categories.Add(category!.Trim());
        return categories;
    }

    private static IEnumerable<(T Item, int Index)> Entries<T>(Validator errors, string field, List<T>? values)
    {
        if (values is null) return [];
        if (values.Count > MaxEntries) { errors.Add(field, $"must have at most {MaxEntries} entries."); return []; }
        return values.Select((v, i) => (v, i));
    }
}
