namespace Omni.Customers.Domain;

/// <summary>
/// One person across channels. A profile merged into another keeps only its id (so old references still resolve);
/// an erased one keeps only its id and the time of erasure.
/// </summary>
internal sealed class Customer
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string? Name { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
    public Guid? MergedInto { get; set; }
    public DateTime? ErasedAt { get; set; }
    /// <summary>Points that may be redeemed; changed only by conditional updates (see <c>LoyaltyPoints</c>).</summary>
    public long PointsBalance { get; set; }
    /// <summary>Points ever earned: the tier follows these, so redeeming never demotes a customer.</summary>
    public long PointsEarned { get; set; }

    public bool IsLive => MergedInto is null && ErasedAt is null;
}

internal enum IdentityKind
{
    Loyalty,
    Email,
    Phone,
    Device,
}

/// <summary>A normalized identity; (kind, value) is unique, so one identity belongs to one profile.</summary>
internal sealed class CustomerIdentity
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CustomerId { get; set; }
    public IdentityKind Kind { get; init; }
    public required string Value { get; init; }
    public DateTime CreatedAt { get; init; }
}

/// <summary>An order or store sale of the customer, linked from <c>order.placed</c>: the history merges move.</summary>
internal sealed class Purchase
{
    public Guid OrderId { get; init; }
    public Guid CustomerId { get; set; }
    public required string Number { get; init; }
    public required string Channel { get; init; }
    public long TotalMinor { get; init; }
    public required string Currency { get; init; }
    public DateTime PlacedAt { get; init; }
}

/// <summary>Who read or changed personal data, when, and what: never the personal data itself.</summary>
internal sealed class AuditEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public DateTime At { get; init; }
    public required string Actor { get; init; }
    public required string Action { get; init; }
    public Guid? CustomerId { get; init; }
    public required string Detail { get; init; }
}

internal static class AuditActions
{
    public const string Read = "personal_data_read";
    public const string Export = "export";
    public const string Erase = "erase";
    public const string Merge = "merge";
}
