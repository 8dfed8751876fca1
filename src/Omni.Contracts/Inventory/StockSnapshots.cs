using Omni.Common.Events;

namespace Omni.Contracts.Inventory;

/// <summary>One counted SKU of a snapshot.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="OnHand">Units counted.</param>
/// <param name="SafetyStock">New safety stock, or null to keep it.</param>
public sealed record SnapshotLine(string Sku, int OnHand, int? SafetyStock);

/// <summary>A position whose count differed from what Omni believed.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Expected">On hand before the snapshot.</param>
/// <param name="Counted">On hand in the snapshot.</param>
public sealed record SnapshotDiscrepancy(string Sku, int Expected, int Counted);

/// <summary>The reconciliation of a snapshot against the ledger.</summary>
/// <param name="Positions">Positions in the snapshot.</param>
/// <param name="Changed">Positions whose on hand changed.</param>
/// <param name="UnitsAdded">Units the snapshot added in total.</param>
/// <param name="UnitsRemoved">Units the snapshot removed in total.</param>
/// <param name="Discrepancies">The changed positions (at most the first 1,000).</param>
public sealed record SnapshotResult(int Positions, int Changed, long UnitsAdded, long UnitsRemoved, IReadOnlyList<SnapshotDiscrepancy> Discrepancies);

/// <summary>Bulk stock snapshots from an ERP or WMS: every line is a count, reconciled against what Omni had.</summary>
public interface IStockSnapshots
{
    /// <summary>Applies a location's snapshot in one transaction of its own.</summary>
    Task<SnapshotResult> ApplyAsync(string locationCode, IReadOnlyList<SnapshotLine> lines, string actor, CancellationToken ct);
}

/// <summary>A snapshot was applied at a location (one event instead of one per position).</summary>
/// <param name="LocationCode">Where.</param>
/// <param name="Positions">Positions counted.</param>
/// <param name="Changed">Positions that changed.</param>
public sealed record InventorySnapshotApplied(string LocationCode, int Positions, int Changed) : IEvent
{
    /// <inheritdoc />
    public static string EventType => "inventory.snapshot_applied";
}
