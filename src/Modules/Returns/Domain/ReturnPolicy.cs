using System.Text.Json;
using Omni.Common.Http;

namespace Omni.Returns.Domain;

/// <summary>The state the customer brings an item back in, as the associate judges it at the counter.</summary>
public enum ReturnCondition
{
    /// <summary>Unopened, as sold.</summary>
    Sellable,
    /// <summary>Opened or tried, not damaged.</summary>
    Opened,
    /// <summary>Broken, soiled, incomplete.</summary>
    Damaged,
}

/// <summary>What happens to a returned unit at the location that received it.</summary>
public enum Disposition
{
    /// <summary>Back on hand, for sale again.</summary>
    Restock,
    /// <summary>Kept apart as unsellable: counted at the location, never available.</summary>
    Unsellable,
}

/// <summary>How one condition is treated.</summary>
/// <param name="Condition">The condition.</param>
/// <param name="Accepted">False refuses it everywhere.</param>
/// <param name="Disposition">Where accepted units go.</param>
/// <param name="RefusedCategories">Categories (path prefixes) where it is refused, e.g. opened cosmetics.</param>
public sealed record ConditionRule(ReturnCondition Condition, bool Accepted, Disposition Disposition, IReadOnlyList<string> RefusedCategories);

/// <summary>A return window for a category and everything below it.</summary>
/// <param name="Category">Category path prefix, on whole segments (<c>electronics</c> covers <c>electronics/audio</c>).</param>
/// <param name="Days">Days after the customer got the goods.</param>
public sealed record CategoryWindow(string Category, int Days);

/// <summary>
/// The one return policy of every channel: a web order returned in a store meets the same rules as a store sale.
/// Stored as data (GET/PUT /api/v1/returns/policy), read by <see cref="ReturnRules"/>.
/// </summary>
/// <param name="DefaultWindowDays">Days to return anything no category window names.</param>
/// <param name="CategoryWindows">Windows by category; the most specific category wins.</param>
/// <param name="FinalSaleCategories">Categories (path prefixes) never taken back.</param>
/// <param name="FinalSaleSkus">SKUs never taken back.</param>
/// <param name="Conditions">One rule per condition.</param>
public sealed record ReturnPolicy(int DefaultWindowDays, IReadOnlyList<CategoryWindow> CategoryWindows,
    IReadOnlyList<string> FinalSaleCategories, IReadOnlyList<string> FinalSaleSkus, IReadOnlyList<ConditionRule> Conditions)
{
    /// <summary>Until someone sets one: 30 days for everything, sellable and opened goods restocked, damaged ones kept apart.</summary>
    public static readonly ReturnPolicy Default = new(30, [], [], [],
    [
        new ConditionRule(ReturnCondition.Sellable, true, Disposition.Restock, []),
        new ConditionRule(ReturnCondition.Opened, true, Disposition.Restock, []),
        new ConditionRule(ReturnCondition.Damaged, true, Disposition.Unsellable, []),
    ]);

    private static readonly JsonSerializerOptions Json = OmniJson.Create();

    /// <summary>The stored form: the API's own JSON.</summary>
    internal string ToDocument() => JsonSerializer.Serialize(this, Json);

    internal static ReturnPolicy FromDocument(string document) => JsonSerializer.Deserialize<ReturnPolicy>(document, Json)!;
}

/// <summary>One line as the policy sees it.</summary>
internal sealed record ReturnCandidate(string Sku, string Category, ReturnCondition Condition);

/// <summary>The policy's answer for one line: a disposition, or a refusal with a stable code.</summary>
internal sealed record PolicyDecision(Disposition Disposition, string? RefusalCode, string? Detail)
{
    public bool Accepted => RefusalCode is null;
}

/// <summary>The policy applied: a pure function of the policy, the line, when the customer got the goods and now.</summary>
internal static class ReturnRules
{
    public const string WindowClosed = "return_window_closed";
    public const string FinalSale = "final_sale";
    public const string ConditionNotAccepted = "condition_not_accepted";

    public static PolicyDecision Decide(ReturnPolicy policy, ReturnCandidate line, DateTime receivedByCustomerAt, DateTime now)
    {
        if (Refusal(policy, line.Sku, line.Category, receivedByCustomerAt, now) is { } refused) return refused;

        var rule = policy.Conditions.FirstOrDefault(r => r.Condition == line.Condition);
        var condition = line.Condition.ToString().ToLowerInvariant();
        if (rule is null || !rule.Accepted)
            return Refuse(ConditionNotAccepted, $"Returns in condition '{condition}' are not accepted.");
        if (rule.RefusedCategories.Any(c => Covers(c, line.Category)))
            return Refuse(ConditionNotAccepted, $"{line.Sku} ({line.Category}) is not taken back in condition '{condition}'.");
        return new PolicyDecision(rule.Disposition, null, null);
    }

    /// <summary>
    /// Whether the item may come back at all, whatever its condition: not final sale and within its window. A return
    /// started online is judged on this when it is made; the condition is judged when the goods arrive.
    /// </summary>
    public static PolicyDecision? Refusal(ReturnPolicy policy, string sku, string category, DateTime receivedByCustomerAt, DateTime now)
    {
        if (policy.FinalSaleSkus.Contains(sku, StringComparer.OrdinalIgnoreCase) || policy.FinalSaleCategories.Any(c => Covers(c, category)))
            return Refuse(FinalSale, $"{sku} was sold as final sale and cannot be returned.");

        var days = WindowDays(policy, category);
        if (now > receivedByCustomerAt.AddDays(days))
            return Refuse(WindowClosed, $"{sku} could be returned for {days} days after {receivedByCustomerAt:yyyy-MM-dd}; that window has closed.");
        return null;
    }

    /// <summary>The most specific category window that covers the category, else the default.</summary>
    public static int WindowDays(ReturnPolicy policy, string category) =>
        policy.CategoryWindows.Where(w => Covers(w.Category, category)).MaxBy(w => w.Category.Length)?.Days ?? policy.DefaultWindowDays;

    /// <summary>A category path covers itself and everything below it, on whole segments: <c>apparel</c> covers <c>apparel/tops</c>, not <c>apparelx</c>.</summary>
    public static bool Covers(string prefix, string category) =>
        category.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
        && (category.Length == prefix.Length || category[prefix.Length] == '/');

    private static PolicyDecision Refuse(string code, string detail) => new(default, code, detail);
}
