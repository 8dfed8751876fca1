using Omni.Contracts.Payments;
using Omni.Returns.Domain;

namespace Omni.Returns.Features.Requests;

public sealed record ReturnRequestLineDetails(Guid Id, int LineNumber, Guid OrderLineId, string Sku, string Name, int Quantity, string? Reason);

public sealed record ReturnRequestCustomer(string? Email, string? Name);

// Status: requested, received, cancelled or expired (an open request past expiresAt).
public sealed record ReturnRequestDetails(Guid Id, string Code, Guid OrderId, string OrderNumber, string LocationCode, string Status,
    RefundDestination RefundTo, ReturnRequestCustomer Customer, DateTime RequestedAt, DateTime ExpiresAt, DateTime? ClosedAt, Guid? ReturnId,
    IReadOnlyList<ReturnRequestLineDetails> Lines);

internal static class ReturnRequestMapping
{
    public static ReturnRequestDetails ToDetails(this ReturnRequest r, DateTime now) => new(
        r.Id, r.Code, r.OrderId, r.OrderNumber, r.LocationCode, r.StatusAt(now).ToString().ToLowerInvariant(), r.RefundTo,
        new ReturnRequestCustomer(r.CustomerEmail, r.CustomerName), r.RequestedAt, r.ExpiresAt, r.ClosedAt, r.ReturnId,
        r.Lines.OrderBy(l => l.LineNumber).Select(l => new ReturnRequestLineDetails(l.Id, l.LineNumber, l.OrderLineId, l.Sku, l.Name, l.Quantity, l.Reason)).ToList());
}
