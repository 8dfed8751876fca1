using Microsoft.AspNetCore.Http.HttpResults;
using Omni.Common;
using Omni.Common.Errors;
using Omni.Common.Validation;
using Omni.Contracts;
using Omni.Pricing.Domain;
using Omni.Pricing.Engine;

namespace Omni.Pricing.Features;

/// <summary>The body of create and replace. Value types are nullable so a missing field is reported, not defaulted.</summary>
internal sealed record PromotionRequest(
    string? Code, string? Name, PromotionKind? Kind, TargetDto? Target, decimal? Percent, MoneyDto? Amount,
    int? BuyQuantity, int? GetQuantity, decimal? GetPercent, MoneyDto? Threshold,
    List<SalesChannel>? Channels, List<string>? Locations, List<string>? LoyaltyTiers,
    DateTime? StartsAt, DateTime? EndsAt, int? Priority, Stacking? Stacking, bool? CouponOnly = null);

internal sealed record TargetDto(TargetType? Type, List<string>? Values);

internal sealed record PromotionDetails(
    Guid Id, string Code, string Name, PromotionKind Kind, TargetDto Target, decimal? Percent, MoneyDto? Amount,
    int? BuyQuantity, int? GetQuantity, decimal? GetPercent, MoneyDto? Threshold,
    IReadOnlyList<SalesChannel> Channels, IReadOnlyList<string> Locations, IReadOnlyList<string> LoyaltyTiers,
    DateTime? StartsAt, DateTime? EndsAt, int Priority, Stacking Stacking, bool Active, DateTime CreatedAt, DateTime UpdatedAt, bool CouponOnly);

/// <summary>A validated promotion definition, ready to be written.</summary>
internal sealed record PromotionDefinition(
    string Code, string Name, PromotionKind Kind, TargetType Target, List<string> Values, int? PercentBasisPoints, Money? Amount,
    int BuyQuantity, int GetQuantity, int GetPercentBasisPoints, Money? Threshold,
    List<SalesChannel> Channels, List<string> Locations, List<string> LoyaltyTiers, DateTime? StartsAt, DateTime? EndsAt, int Priority, Stacking Stacking,
    bool CouponOnly);

internal static class PromotionMapping
{
    public static PromotionDetails ToDetails(this PromotionRecord p)
    {
        MoneyDto? Dto(long? minor) => minor is { } m ? new Money(m, p.Currency!).ToDto() : null;
        var buyGet = p.Kind == PromotionKind.BuyXGetY;
        return new PromotionDetails(
            p.Id, p.Code, p.Name, p.Kind, new TargetDto(p.TargetType, p.TargetValues),
            p.PercentBasisPoints / 100m, Dto(p.AmountMinor),
            buyGet ? p.BuyQuantity : null, buyGet ? p.GetQuantity : null, buyGet ? p.GetPercentBasisPoints / 100m : null,
            Dto(p.ThresholdMinor), p.Channels, p.Locations, p.LoyaltyTiers, p.StartsAt, p.EndsAt, p.Priority, p.Stacking, p.Active,
            p.CreatedAt, p.UpdatedAt, p.CouponOnly);
    }

    public static void Apply(this PromotionRecord p, PromotionDefinition d, DateTime at)
    {
        p.Code = d.Code;
        p.Name = d.Name;
        p.Kind = d.Kind;
        p.TargetType = d.Target;
        p.TargetValues = d.Values;
        p.PercentBasisPoints = d.PercentBasisPoints;
        p.AmountMinor = d.Amount?.Minor;
        p.ThresholdMinor = d.Threshold?.Minor;
        p.Currency = d.Amount?.Currency ?? d.Threshold?.Currency;
        p.BuyQuantity = d.BuyQuantity;
        p.GetQuantity = d.GetQuantity;
        p.GetPercentBasisPoints = d.GetPercentBasisPoints;
        p.Channels = d.Channels;
        p.Locations = d.Locations;
        p.LoyaltyTiers = d.LoyaltyTiers;
        p.StartsAt = d.StartsAt;
        p.EndsAt = d.EndsAt;
        p.Priority = d.Priority;
        p.Stacking = d.Stacking;
        p.CouponOnly = d.CouponOnly;
        p.UpdatedAt = at;
    }
}

internal static class PromotionRules
{
    private const int MaxValues = 200;
    private const int MaxPriority = 1_000_000;
    private const int MaxQuantity = 1_000;

    public static string Normalize(string code) => code.Trim().ToUpperInvariant();

    /// <summary>Null when <paramref name="v"/> got errors.</summary>
    public static PromotionDefinition? Validate(Validator v, PromotionRequest? r)
    {
        if (r is null) { v.Add("body", "is required."); return null; }
        v.Code("code", r.Code);
        v.Required("name", r.Name, 200);
        if (v.Required("kind", r.Kind)) v.Enum("kind", r.Kind!.Value);
        if (r.Stacking is { } stacking) v.Enum("stacking", stacking);
        if (r.Priority is { } priority) v.Range("priority", priority, -MaxPriority, MaxPriority);

        var values = new List<string>();
        if (r.Target is not { } target) v.Add("target", "is required.");
        else if (v.Required("target.type", target.Type))
        {
            v.Enum("target.type", target.Type!.Value);
            var given = target.Values ?? [];
            if (target.Type == TargetType.Cart && given.Count > 0) v.Add("target.values", "must be empty for the cart.");
            else if (target.Type != TargetType.Cart && given.Count == 0) v.Add("target.values", "needs at least one SKU, category or brand.");
            else if (given.Count > MaxValues) v.Add("target.values", $"must have at most {MaxValues} entries.");
            for (var i = 0; i < given.Count && given.Count <= MaxValues; i++)
            {
                var field = $"target.values[{i}]";
                if (target.Type == TargetType.Sku) { if (v.Code(field, given[i])) values.Add(Normalize(given[i])); }
                else if (v.Required(field, given[i], 200)) values.Add(target.Type == TargetType.Category ? given[i].Trim().Trim('/') : given[i].Trim());
            }
        }

        int? percent = null;
        Money? amount = null, threshold = null;
        var (buy, get, getPercent) = (0, 0, 10_000);
        switch (r.Kind)
        {
            case PromotionKind.PercentOff:
                percent = Percent(v, "percent", r.Percent, required: true);
                if (r.Amount is not null) v.Add("amount", "must be left out of a percent-off promotion.");
                break;
            case PromotionKind.AmountOff:
                amount = v.Money("amount", r.Amount, allowZero: false);
                if (r.Percent is not null) v.Add("percent", "must be left out of an amount-off promotion.");
                break;
            case PromotionKind.BuyXGetY:
                if (v.Required("buyQuantity", r.BuyQuantity)) { buy = r.BuyQuantity!.Value; v.Range("buyQuantity", buy, 1, MaxQuantity); }
                if (v.Required("getQuantity", r.GetQuantity)) { get = r.GetQuantity!.Value; v.Range("getQuantity", get, 1, MaxQuantity); }
                if (r.GetPercent is not null) getPercent = Percent(v, "getPercent", r.GetPercent, required: true) ?? 0;
                break;
            case PromotionKind.SpendThreshold:
                threshold = v.Money("threshold", r.Threshold, allowZero: false);
                if ((r.Percent is null) == (r.Amount is null)) v.Add("percent", "give either percent or amount off.");
                else if (r.Percent is not null) percent = Percent(v, "percent", r.Percent, required: true);
                else amount = v.Money("amount", r.Amount, allowZero: false);
                if (amount is { } a && threshold is { } t && a.Currency != t.Currency) v.Add("amount.currency", "must be the threshold's currency.");
                break;
        }

        var locations = new List<string>();
        for (var i = 0; i < (r.Locations?.Count ?? 0); i++)
            if (v.Code($"locations[{i}]", r.Locations![i])) locations.Add(Normalize(r.Locations[i]));
        var tiers = new List<string>();
        for (var i = 0; i < (r.LoyaltyTiers?.Count ?? 0); i++)
            if (v.Required($"loyaltyTiers[{i}]", r.LoyaltyTiers![i], 64)) tiers.Add(r.LoyaltyTiers[i].Trim());
        for (var i = 0; i < (r.Channels?.Count ?? 0); i++) v.Enum($"channels[{i}]", r.Channels![i]);

        var starts = Utc(r.StartsAt);
        var ends = Utc(r.EndsAt);
        if (starts is { } s && ends is { } e && e <= s) v.Add("endsAt", "must be after startsAt.");

        if (!v.IsValid) return null;
        return new PromotionDefinition(
            Normalize(r.Code!), r.Name!.Trim(), r.Kind!.Value, r.Target!.Type!.Value, [.. values.Distinct(StringComparer.OrdinalIgnoreCase)],
            percent, amount, buy, get, getPercent, threshold, [.. r.Channels?.Distinct() ?? []], [.. locations.Distinct()],
            [.. tiers.Distinct(StringComparer.OrdinalIgnoreCase)], starts, ends, r.Priority ?? 0, r.Stacking ?? Stacking.Stackable,
            r.CouponOnly ?? false);
    }

    /// <summary>Percent with at most two decimals, as basis points.</summary>
    private static int? Percent(Validator v, string field, decimal? value, bool required)
    {
        if (value is not { } p) { if (required) v.Add(field, "is required."); return null; }
        if (p <= 0 || p > 100) { v.Add(field, "must be more than 0 and at most 100."); return null; }
        var basisPoints = p * 100;
        if (basisPoints != decimal.Truncate(basisPoints)) { v.Add(field, "may have at most two decimals."); return null; }
        return (int)basisPoints;
    }

    /// <summary>Times without an offset are taken as UTC, the API's convention.</summary>
    public static DateTime? Utc(DateTime? value) => value switch
    {
        null => null,
        { Kind: DateTimeKind.Utc } t => t,
        { Kind: DateTimeKind.Local } t => t.ToUniversalTime(),
        { } t => DateTime.SpecifyKind(t, DateTimeKind.Utc),
    };
}

internal static class PromotionProblems
{
    public static ProblemHttpResult Duplicate(string code) =>
        Problems.Conflict("duplicate", $"Promotion '{code}' already exists.",
            new Dictionary<string, object?> { ["duplicates"] = new[] { code } });
}
