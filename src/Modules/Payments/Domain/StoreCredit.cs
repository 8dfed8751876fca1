namespace Omni.Payments.Domain;

/// <summary>
/// A customer's store credit in one currency, spendable on any channel as the tender <c>store_credit</c> (its id is the
/// token). Credit refunded without a customer e-mail gets a balance of its own, like a gift card. The balance changes only
/// through the conditional statements in <see cref="Data.StoreCreditSql"/>; every change writes an entry.
/// </summary>
internal sealed class StoreCredit
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string? CustomerEmail { get; init; }
    public required string Currency { get; init; }
    public long Balance { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}

internal enum StoreCreditEntryKind
{
    /// <summary>Credit given (a refund to store credit).</summary>
    Issued,
    /// <summary>Credit spent on an order.</summary>
    Redeemed,
    /// <summary>Spent credit given back (the order's authorization was voided or refunded to its tender).</summary>
    Restored,
}

/// <summary>One change of a store credit balance: the balance is the sum of its entries.</summary>
internal sealed class StoreCreditEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid StoreCreditId { get; init; }
    public StoreCreditEntryKind Kind { get; init; }
    /// <summary>Signed: positive when the balance grew.</summary>
    public long Delta { get; init; }
    public long BalanceAfter { get; init; }
    public Guid? OrderId { get; init; }
    public DateTime CreatedAt { get; init; }
}
