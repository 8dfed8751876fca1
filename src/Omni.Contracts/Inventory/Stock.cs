namespace Omni.Contracts.Inventory;

/// <summary>One SKU at one location.</summary>
/// <param name="LocationCode">The location.</param>
/// <param name="Sku">The SKU.</param>
/// <param name="OnHand">Units physically there (may be negative after store sales the system did not expect).</param>
/// <param name="Reserved">Units promised to open orders.</param>
/// <param name="SafetyStock">Units kept back from promising.</param>
/// <param name="Version">Grows with every change of the position: lets caches keep the newest of two views.</param>
/// <param name="Unsellable">Units at the location that may not be sold (damaged returns): kept apart from on hand, never available.</param>
public sealed record StockLevel(string LocationCode, string Sku, int OnHand, int Reserved, int SafetyStock, long Version = 0, int Unsellable = 0)
{
    /// <summary>Available to promise: never negative.</summary>
    public int Available => Math.Max(0, OnHand - Reserved - SafetyStock);
}

/// <summary>Reads stock positions for other modules (sourcing, availability).</summary>
public interface IStockLevels
{
    /// <summary>Every position of the given SKUs across the network, read from the database.</summary>
    Task<IReadOnlyList<StockLevel>> ForSkusAsync(IReadOnlyCollection<string> skus, CancellationToken ct);

    /// <summary>
    /// The same from this node's in-memory view: may lag other nodes by a moment. Good for planning (a reservation is
    /// a conditional update and cannot be fooled by a stale plan), never as the reason to refuse.
    /// </summary>
    Task<IReadOnlyList<StockLevel>> RecentForSkusAsync(IReadOnlyCollection<string> skus, CancellationToken ct);
}

/// <summary>A request to promise <paramref name="Quantity"/> units of a SKU at a location to an order line.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="OrderLineId">The order line.</param>
/// <param name="LocationCode">Where the units are.</param>
/// <param name="Sku">The SKU.</param>
/// <param name="Quantity">How many units.</param>
public sealed record StockClaim(Guid OrderId, Guid OrderLineId, string LocationCode, string Sku, int Quantity);

/// <summary>Reservations: the only way stock gets promised. Runs inside the caller's open transaction.</summary>
public interface IStockReservations
{
    /// <summary>
    /// Reserves every claim or reports the ones that could not be covered. Claims are taken in a fixed order
    /// (location, SKU) so concurrent multi-line orders never deadlock. On a non-empty answer the caller must roll back.
    /// </summary>
    Task<IReadOnlyList<StockClaim>> ReserveAsync(IReadOnlyList<StockClaim> claims, string actor, DateTime at, CancellationToken ct);

    /// <summary>Releases every active reservation of the order.</summary>
    Task ReleaseAsync(Guid orderId, string reason, string actor, DateTime at, CancellationToken ct);

    /// <summary>
    /// Reserves one claim if it is covered. Unlike <see cref="ReserveAsync"/>, a refusal changes nothing, so the caller's
    /// transaction may go on (re-sourcing tries location after location inside the transaction of a pick).
    /// </summary>
    Task<bool> TryReserveAsync(StockClaim claim, string actor, DateTime at, CancellationToken ct);

    /// <summary>
    /// The reserved units of order lines left the location (shipped, handed over): on hand and reserved both fall, the
    /// reservations are consumed and the ledger records a movement with <paramref name="reason"/> (e.g. <c>shipment</c>, <c>sale</c>).
    /// Throws when the lines do not hold that many active reserved units there.
    /// </summary>
    Task ConsumeAsync(IReadOnlyList<StockClaim> units, string reason, string reference, string actor, DateTime at, CancellationToken ct);

    /// <summary>Releases reserved units of order lines (an expired pickup, a short pick, units re-sourced elsewhere): they go back on sale.</summary>
    Task ReleaseUnitsAsync(IReadOnlyList<StockClaim> units, string reason, string actor, DateTime at, CancellationToken ct);

    /// <summary>
    /// Units arrived at a location already promised to order lines (a ship-to-store parcel at its store): on hand and
    /// reserved both rise in one statement, so the units are never on sale in between, and the ledger records a receipt.
    /// </summary>
    Task ReceiveReservedAsync(IReadOnlyList<StockClaim> units, string reason, string reference, string actor, DateTime at, CancellationToken ct);

    /// <summary>
    /// Holds stock for a shopper who is paying: reservations like <see cref="ReserveAsync"/> (the claims' <c>OrderId</c>
    /// is the hold's id) that end at <paramref name="expiresAt"/>, when a background job releases them unless
    /// <see cref="ConvertHoldAsync"/> turned them into an order first. Whatever the hold held before is released in the
    /// same pass, so holding again replaces a hold. Runs inside the caller's transaction; on a non-empty answer (the
    /// claims that could not be covered) the caller must roll back.
    /// </summary>
    Task<IReadOnlyList<StockClaim>> HoldAsync(Guid holdId, IReadOnlyList<StockClaim> claims, DateTime expiresAt, string actor, DateTime at, CancellationToken ct);

    /// <summary>What the hold still holds at <paramref name="at"/>: nothing once it expired, was released or converted.</summary>
    Task<IReadOnlyList<StockHeld>> HeldAsync(Guid holdId, DateTime at, CancellationToken ct);

    /// <summary>
    /// Releases the hold and reserves <paramref name="claims"/> for an order in one pass in (location, SKU) order, inside
    /// the caller's transaction: the held units pass from the hold to the order with no moment in which another buyer
    /// could take them. A hold the expiry job released meanwhile is simply not there to release. Answers as
    /// <see cref="ReserveAsync"/> does.
    /// </summary>
    Task<IReadOnlyList<StockClaim>> ConvertHoldAsync(Guid holdId, IReadOnlyList<StockClaim> claims, string actor, DateTime at, CancellationToken ct);
}

/// <summary>Units a hold keeps back at one location.</summary>
/// <param name="LocationCode">Where.</param>
/// <param name="Sku">What.</param>
/// <param name="Quantity">How many units.</param>
/// <param name="ExpiresAt">When the hold ends unless converted.</param>
public sealed record StockHeld(string LocationCode, string Sku, int Quantity, DateTime ExpiresAt);

/// <summary>Reading stock on behalf of whoever holds some of it.</summary>
public static class StockHolds
{
    /// <summary>
    /// The levels as the holder of <paramref name="held"/> sees them: its own held units are not reserved against it
    /// (a cart converting its hold into an order, a shopper looking at what they hold).
    /// </summary>
    public static IReadOnlyList<StockLevel> CountingHeldAsAvailable(this IReadOnlyList<StockLevel> levels, IReadOnlyList<StockHeld> held)
    {
        if (held.Count == 0) return levels;
        var units = held.GroupBy(h => (h.LocationCode, h.Sku)).ToDictionary(g => g.Key, g => g.Sum(h => h.Quantity));
        return [.. levels.Select(l => units.TryGetValue((l.LocationCode, l.Sku), out var q) ? l with { Reserved = l.Reserved - q } : l)];
    }
}

/// <summary>Which quantity of a position a movement changes.</summary>
public enum StockBucket
{
    /// <summary>On hand: sellable units, the base of available to promise.</summary>
    OnHand,
    /// <summary>Units physically there that may not be sold (damaged returns) until written off or sent away.</summary>
    Unsellable,
}

/// <summary>A change of stock that already happened in the world.</summary>
/// <param name="LocationCode">Where.</param>
/// <param name="Sku">What.</param>
/// <param name="Delta">Units added (positive) or removed (negative).</param>
/// <param name="Reason">Ledger reason, e.g. <c>sale</c>.</param>
/// <param name="Reference">External reference (order number, receipt).</param>
/// <param name="Bucket">The quantity that changes: on hand unless said otherwise.</param>
public sealed record StockFact(string LocationCode, string Sku, int Delta, string Reason, string? Reference, StockBucket Bucket = StockBucket.OnHand);

/// <summary>Records facts about stock; never refuses for lack of stock.</summary>
public interface IStockFacts
{
    /// <summary>Applies the facts to on hand and the ledger inside the caller's transaction, raising <c>inventory.oversold</c> where reservations become uncovered.</summary>
    Task RecordAsync(IReadOnlyList<StockFact> facts, string actor, DateTime at, CancellationToken ct);
}
