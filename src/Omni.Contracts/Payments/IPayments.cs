using Omni.Common;

namespace Omni.Contracts.Payments;

/// <summary>How the shopper pays: a provider token for a card or wallet, or a tender taken at a store's till.</summary>
/// <param name="Type">card, wallet, store_credit, cash (at a till).</param>
/// <param name="Token">The provider's token for the card or wallet (never a card number); the store-credit id for store credit.</param>
public sealed record PaymentTender(string Type, string? Token)
{
    /// <summary>What an order placed through the API may be paid with (authorized now, captured when fulfilled).</summary>
    public static readonly IReadOnlyList<string> ForOrders = ["card", "wallet", "store_credit"];

    /// <summary>What a till may report for a store sale (taken at once).</summary>
    public static readonly IReadOnlyList<string> AtTill = ["cash", "card", "wallet", "store_credit"];
}

/// <summary>Where a refund goes.</summary>
public enum RefundDestination
{
    /// <summary>Back to the tender the order was paid with.</summary>
    OriginalTender,
    /// <summary>Store credit issued to the customer, usable on any channel.</summary>
    StoreCredit,
}

/// <summary>The outcome of a payment operation.</summary>
/// <param name="Succeeded">False when the provider declined.</param>
/// <param name="Code">A stable code when declined (e.g. <c>payment_declined</c>, <c>refund_exceeds_captured</c>).</param>
/// <param name="Message">What happened, for people.</param>
/// <param name="Reference">The provider's or store credit's reference when it succeeded.</param>
/// <param name="DeclineCode">Why the provider declined, when it did (e.g. <c>card_declined</c>, <c>insufficient_funds</c>).</param>
public sealed record PaymentOutcome(bool Succeeded, string? Code, string? Message, string? Reference, string? DeclineCode = null);

/// <summary>What an order's payment stands at: authorized, captured, refunded and voided, in the order's currency.</summary>
/// <param name="OrderId">Order.</param>
/// <param name="Authorized">Authorized in total.</param>
/// <param name="Captured">Captured in total.</param>
/// <param name="Refunded">Refunded in total (to the tender or as store credit).</param>
/// <param name="Voided">Authorization released without capture.</param>
public sealed record PaymentPosition(Guid OrderId, Money Authorized, Money Captured, Money Refunded, Money Voided);

/// <summary>
/// The Payments module's surface for other modules. Calls run on the caller's connection and transaction
/// (<c>DbSession</c>): an order that is refused or rolled back leaves no payment behind. Every call is idempotent per key.
/// Captures and voids follow order and fulfillment events (<c>fulfillment.shipped</c>, <c>fulfillment.handed_over</c>,
/// <c>fulfillment.expired</c>, <c>order.lines_cancelled</c>, <c>order.cancelled</c>); refunds are asked for by returns.
/// </summary>
public interface IPayments
{
    /// <summary>Authorizes <paramref name="amount"/> for an order being placed.</summary>
    Task<PaymentOutcome> AuthorizeAsync(Guid orderId, Money amount, PaymentTender tender, CancellationToken ct) =>
        AuthorizeAsync(orderId, amount, tender, customerEmail: null, ct);

    /// <summary>
    /// Authorizes <paramref name="amount"/> for an order being placed by <paramref name="customerEmail"/>: a refund to
    /// store credit then lands on that customer's balance (without an e-mail it becomes a balance of its own).
    /// </summary>
    Task<PaymentOutcome> AuthorizeAsync(Guid orderId, Money amount, PaymentTender tender, string? customerEmail, CancellationToken ct);

    /// <summary>Records a payment already taken at a till (a store sale): authorized and captured at once.</summary>
    Task RecordTillPaymentAsync(Guid orderId, Money amount, PaymentTender tender, CancellationToken ct) =>
        RecordTillPaymentAsync(orderId, amount, tender, customerEmail: null, ct);

    /// <summary>
    /// Records a till payment of <paramref name="customerEmail"/>'s store sale. Paying with store credit takes it off
    /// the balance and throws a <c>DomainException</c> (409 <c>insufficient_store_credit</c>) when the balance is short.
    /// </summary>
    Task RecordTillPaymentAsync(Guid orderId, Money amount, PaymentTender tender, string? customerEmail, CancellationToken ct);

    /// <summary>Refunds up to what was captured and not yet refunded; <paramref name="idempotencyKey"/> makes a retry a no-op.</summary>
    Task<PaymentOutcome> RefundAsync(Guid orderId, Money amount, RefundDestination destination, string reason, string idempotencyKey, CancellationToken ct);

    /// <summary>The order's payment position, or null when the order has no payment.</summary>
    Task<PaymentPosition?> PositionAsync(Guid orderId, CancellationToken ct);
}
