using Omni.Common.Events;

namespace Omni.Contracts.Pricing;

/// <summary>A promotion was defined. Carries what a channel needs to advertise it; the engine's full rule stays in Pricing.</summary>
/// <param name="Id">The promotion id.</param>
/// <param name="Code">The promotion's unique code, e.g. <c>SUMMER-TEES</c>.</param>
/// <param name="Name">Display name shown on receipts.</param>
/// <param name="Kind"><c>percentOff</c>, <c>amountOff</c>, <c>buyXGetY</c> or <c>spendThreshold</c>.</param>
/// <param name="Priority">Higher runs first.</param>
/// <param name="Stacking"><c>stackable</c> or <c>exclusive</c>.</param>
/// <param name="Active">False once deactivated.</param>
/// <param name="StartsAt">Start of validity (UTC), if any.</param>
/// <param name="EndsAt">End of validity (UTC, exclusive), if any.</param>
public sealed record PromotionCreated(
    Guid Id, string Code, string Name, string Kind, int Priority, string Stacking, bool Active, DateTime? StartsAt, DateTime? EndsAt) : IEvent
{
    /// <inheritdoc />
    public static string EventType => "promotion.created";
}

/// <summary>A promotion changed or was deactivated; carries its state after the change.</summary>
/// <param name="Id">The promotion id.</param>
/// <param name="Code">The promotion's unique code.</param>
/// <param name="Name">Display name shown on receipts.</param>
/// <param name="Kind"><c>percentOff</c>, <c>amountOff</c>, <c>buyXGetY</c> or <c>spendThreshold</c>.</param>
/// <param name="Priority">Higher runs first.</param>
/// <param name="Stacking"><c>stackable</c> or <c>exclusive</c>.</param>
/// <param name="Active">False once deactivated.</param>
/// <param name="StartsAt">Start of validity (UTC), if any.</param>
/// <param name="EndsAt">End of validity (UTC, exclusive), if any.</param>
public sealed record PromotionUpdated(
    Guid Id, string Code, string Name, string Kind, int Priority, string Stacking, bool Active, DateTime? StartsAt, DateTime? EndsAt) : IEvent
{
    /// <inheritdoc />
    public static string EventType => "promotion.updated";
}
