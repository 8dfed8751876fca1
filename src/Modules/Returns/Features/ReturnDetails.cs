using Omni.Common;
using Omni.Contracts.Payments;
using Omni.Returns.Domain;

namespace Omni.Returns.Features;

public sealed record ReturnLineDetails(Guid Id, int LineNumber, Guid OrderLineId, string Sku, int Quantity, ReturnCondition Condition,
    Disposition Disposition, string? Reason, MoneyDto Refund);

// Status: pending until a payment provider paid it, then refunded.
public sealed record RefundDetails(MoneyDto Amount, RefundDestination To, string Status, string? Reference, DateTime? RefundedAt);

public sealed record ExchangeDetails(Guid OrderId, string Number, MoneyDto Total, MoneyDto BalanceDue);

public sealed record ReturnDetails(Guid Id, Guid OrderId, string OrderNumber, string LocationCode, string Status, DateTime ReceivedAt,
    IReadOnlyList<ReturnLineDetails> Lines, MoneyDto ReturnedValue, RefundDetails Refund, ExchangeDetails? Exchange);

internal static class ReturnMapping
{
    public static ReturnDetails ToDetails(this Return r) => new(
        r.Id, r.OrderId, r.OrderNumber, r.LocationCode, r.Status.ToString().ToLowerInvariant(), r.ReceivedAt,
        r.Lines.OrderBy(l => l.LineNumber).Select(l => new ReturnLineDetails(l.Id, l.LineNumber, l.OrderLineId, l.Sku, l.Quantity,
            l.Condition, l.Disposition, l.Reason, new Money(l.RefundMinor, r.Currency).ToDto())).ToList(),
        r.ReturnedValue.ToDto(),
        new RefundDetails(r.Refund.ToDto(), r.RefundTo, r.Status == ReturnStatus.Refunded ? "refunded" : "pending", r.RefundReference, r.RefundedAt),
        r.ExchangeOrderId is { } exchange
            ? new ExchangeDetails(exchange, r.ExchangeOrderNumber!, new Money(r.ExchangeTotalMinor, r.Currency).ToDto(), r.BalanceDue.ToDto())
            : null);
}
