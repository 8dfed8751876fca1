using Omni.Common;
using Omni.Contracts.Payments;
using Omni.Payments.Domain;

namespace Omni.Payments.Features;

public sealed record PaymentTransactionDetails(Guid Id, string Kind, MoneyDto Amount, RefundDestination? Destination, string? Reference,
    string? Reason, Guid? FulfillmentId, DateTime CreatedAt);

/// <summary>An order's payment: what was authorized, captured, refunded and voided, what is still open, and the ledger.</summary>
public sealed record PaymentDetails(Guid Id, Guid OrderId, string Status, string TenderType, string Provider, Guid? StoreCreditId,
    MoneyDto Authorized, MoneyDto Captured, MoneyDto Refunded, MoneyDto Voided, MoneyDto Open, MoneyDto Kept,
    IReadOnlyList<PaymentTransactionDetails> Transactions, DateTime CreatedAt, DateTime UpdatedAt);

internal static class PaymentMapping
{
    public static PaymentDetails ToDetails(this Payment p, IEnumerable<PaymentTransaction> transactions) => new(
        p.Id, p.OrderId, Lower(PaymentRules.StatusOf(p.Amounts).ToString()), p.TenderType, p.Provider, p.StoreCreditId,
        p.Money(p.Authorized).ToDto(), p.Money(p.Captured).ToDto(), p.Money(p.Refunded).ToDto(), p.Money(p.Voided).ToDto(),
        p.Money(p.Amounts.Open).ToDto(), p.Money(p.Amounts.Kept).ToDto(),
        transactions.OrderBy(t => t.CreatedAt).ThenBy(t => t.Kind).ThenBy(t => t.Id).Select(t => new PaymentTransactionDetails(
            t.Id, Lower(t.Kind.ToString()), p.Money(t.Amount).ToDto(), t.Destination, t.Reference, t.Reason, t.FulfillmentId, t.CreatedAt)).ToList(),
        p.CreatedAt, p.UpdatedAt);

    public static string Lower(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
