using Omni.Common.Events;

namespace Omni.Contracts.Inventory;

/// <summary>A stock position changed (count, movement, reservation, release).</summary>
/// <param name="LocationCode">Where.</param>
/// <param name="Sku">What.</param>
/// <param name="OnHand">On hand after the change.</param>
/// <param name="Reserved">Reserved after the change.</param>
/// <param name="SafetyStock">Safety stock after the change.</param>
/// <param name="Available">Available to promise after the change.</param>
/// <param name="Reason">Why: a ledger reason, <c>reserved</c> or <c>released</c>.</param>
/// <param name="Version">The position's version after the change: apply only if newer than what you hold.</param>
/// <param name="Unsellable">Unsellable units after the change (not part of on hand or available).</param>
public sealed record InventoryChanged(string LocationCode, string Sku, int OnHand, int Reserved, int SafetyStock, int Available, string Reason, long Version, int Unsellable = 0) : IEvent
{
    /// <inheritdoc />
    public static string EventType => "inventory.changed";
}

/// <summary>A reservation no longer covered by stock on hand.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="OrderLineId">The line.</param>
/// <param name="Quantity">Units of the reservation that are uncovered.</param>
public sealed record UncoveredReservation(Guid OrderId, Guid OrderLineId, int Quantity);

/// <summary>On hand fell below what is promised (a store sale or count the system did not expect).</summary>
/// <param name="LocationCode">Where.</param>
/// <param name="Sku">What.</param>
/// <param name="OnHand">On hand now.</param>
/// <param name="Reserved">Reserved now.</param>
/// <param name="Uncovered">The newest reservations that are now short, newest first.</param>
public sealed record InventoryOversold(string LocationCode, string Sku, int OnHand, int Reserved, IReadOnlyList<UncoveredReservation> Uncovered) : IEvent
{
    /// <inheritdoc />
    public static string EventType => "inventory.oversold";
}
