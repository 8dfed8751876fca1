namespace Omni.Inventory.Domain;

/// <summary>
/// An immutable ledger entry. On hand of a position is always the sum of the deltas of its on-hand movements, and its
/// unsellable quantity the sum of the deltas of its unsellable movements; every entry records both quantities after it.
/// </summary>
internal sealed class StockMovement
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string LocationCode { get; init; }
    public required string Sku { get; init; }
    public int Delta { get; init; }
    public int OnHandAfter { get; init; }
    /// <summary>True when <see cref="Delta"/> changed the unsellable quantity instead of on hand.</summary>
    public bool Unsellable { get; init; }
    public int UnsellableAfter { get; init; }
    public required string Reason { get; init; }
    public string? Reference { get; init; }
    public required string Actor { get; init; }
    public DateTime OccurredAt { get; init; }
}

/// <summary>Why stock moved. Free text is not allowed: reports group by these.</summary>
internal static class MovementReasons
{
    public const string Count = "count";
    public const string Receipt = "receipt";
    public const string Sale = "sale";
    public const string Return = "return";
    public const string Damage = "damage";
    public const string Shrink = "shrink";
    public const string TransferIn = "transfer_in";
    public const string TransferOut = "transfer_out";
    public const string Shipment = "shipment";
    public const string Adjustment = "adjustment";

    /// <summary>Reasons a client may post as a movement; counts go through the count endpoint.</summary>
    public static readonly IReadOnlySet<string> Postable = new HashSet<string>(StringComparer.Ordinal)
        { Receipt, Sale, Return, Damage, Shrink, TransferIn, TransferOut, Shipment, Adjustment };
}
