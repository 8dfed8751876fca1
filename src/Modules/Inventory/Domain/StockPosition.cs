namespace Omni.Inventory.Domain;

/// <summary>
/// One SKU at one location. The counters are only ever changed by conditional SQL updates (see
/// PositionSql) so concurrent requests on any number of nodes cannot promise the same unit twice.
/// </summary>
internal sealed class StockPosition
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string LocationCode { get; init; }
    public required string Sku { get; init; }
    public int OnHand { get; set; }
    public int Reserved { get; set; }
    public int SafetyStock { get; set; }
    /// <summary>Units there that may not be sold (damaged returns); apart from on hand, so available never counts them.</summary>
    public int Unsellable { get; set; }
    /// <summary>Where the SKU is kept inside the location (aisle/shelf label, see BinLabel); null when nobody said.</summary>
    public string? Bin { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Bumped by every statement that changes the position; caches keep the highest version they saw.</summary>
    public long Version { get; set; }

    public int Available => Math.Max(0, OnHand - Reserved - SafetyStock);
}
