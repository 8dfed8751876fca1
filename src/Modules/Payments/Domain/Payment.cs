using Omni.Common;
using Omni.Contracts.Payments;

namespace Omni.Payments.Domain;

/// <summary>
/// One order's payment. The four totals change only through the conditional updates of <see cref="Data.PaymentSql"/>,
/// never through the change tracker, so two requests can never both spend the same open or captured amount.
/// </summary>
internal sealed class Payment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrderId { get; init; }
    public required string Currency { get; init; }
    /// <summary>card, wallet, store_credit, cash.</summary>
    public required string TenderType { get; init; }
    /// <summary>simulated (a provider), store_credit or till.</summary>
    public required string Provider { get; init; }
    /// <summary>The provider's authorization, which captures, voids and refunds refer to.</summary>
    public string? AuthorizationReference { get; init; }
    /// <summary>The store credit paid with, when the tender is store credit.</summary>
    public Guid? StoreCreditId { get; init; }
    public string? CustomerEmail { get; init; }
    public long Authorized { get; init; }
    public long Captured { get; init; }
    public long Refunded { get; init; }
    public long Voided { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }

    public PaymentAmounts Amounts => new(Authorized, Captured, Refunded, Voided);

    public Money Money(long minor) => new(minor, Currency);

    public PaymentPosition ToPosition() =>
        new(OrderId, Money(Authorized), Money(Captured), Money(Refunded), Money(Voided));
}

internal enum TransactionKind
{
    Authorize,
    Capture,
    Void,
    Refund,
}

/// <summary>A line of the payment ledger: one movement of money, written once, keyed by its idempotency key.</summary>
internal sealed class PaymentTransaction
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PaymentId { get; init; }
    public Guid OrderId { get; init; }
    public TransactionKind Kind { get; init; }
    public long Amount { get; init; }
    public required string Currency { get; init; }
    public RefundDestination? Destination { get; init; }
    public string? Reference { get; init; }
    public required string IdempotencyKey { get; init; }
    public string? Reason { get; init; }
    public Guid? FulfillmentId { get; init; }
    public DateTime CreatedAt { get; init; }
}
