namespace Omni.Contracts.Inventory;

/// <summary>Where one SKU is kept inside a location.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Bin">The aisle/shelf label (e.g. <c>A12-3</c>, at most 32 characters), or null to clear it.</param>
public sealed record BinAssignment(string Sku, string? Bin);

/// <summary>In-store bin locations from a planogram or WMS: where associates find each SKU on the shop floor.</summary>
public interface IStockBins
{
    /// <summary>
    /// Sets the bins of a location's SKUs in one transaction of its own, creating positions of zeros where none exist;
    /// on hand, reservations and the ledger are untouched. A label that is too long or holds other characters than
    /// letters, digits, spaces and <c>- . / _</c> refuses the whole call (a validation <c>DomainException</c>).
    /// </summary>
    Task AssignAsync(string locationCode, IReadOnlyList<BinAssignment> bins, CancellationToken ct);
}
