namespace Omni.Orders.Domain;

/// <summary>One version of the sourcing rules: never changed once written, so every decision can name the rules it followed.</summary>
internal sealed class SourcingRuleSet
{
    public int Version { get; init; }
    /// <summary>The <see cref="Sourcing.SourcingRules"/> as JSON: read whole, never queried by field.</summary>
    public required string Definition { get; init; }
    public DateTime CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
}

/// <summary>How an order was sourced and why, written in the order's transaction.</summary>
internal sealed class SourcingDecision
{
    public Guid OrderId { get; init; }
    public int RuleSetVersion { get; init; }
    public double Cost { get; init; }
    public int Splits { get; init; }
    public DateTime DecidedAt { get; init; }
    /// <summary>The <see cref="Sourcing.SourcingExplanation"/> as JSON.</summary>
    public required string Explanation { get; init; }
}

/// <summary>
/// How units a location could not serve after all (a short pick, stock oversold) were sourced again and why, written in the
/// re-sourcing's transaction: an order has one of these per re-sourcing, besides its one <see cref="SourcingDecision"/>.
/// </summary>
internal sealed class ResourcingDecision
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrderId { get; init; }
    /// <summary>The fulfillment that came up short; new fulfillments replacing it name it in <c>replacesFulfillmentId</c>.</summary>
    public Guid FulfillmentId { get; init; }
    public required string Reason { get; init; }
    public int RuleSetVersion { get; init; }
    public double Cost { get; init; }
    public DateTime DecidedAt { get; init; }
    /// <summary>The <see cref="Sourcing.SourcingExplanation"/> as JSON.</summary>
    public required string Explanation { get; init; }
}
