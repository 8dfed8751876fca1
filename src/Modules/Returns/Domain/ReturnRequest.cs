using Omni.Common.Errors;
using Omni.Contracts.Payments;

namespace Omni.Returns.Domain;

internal enum ReturnRequestStatus
{
    /// <summary>Started online; the store expects the goods until the request expires.</summary>
    Requested,
    /// <summary>The store received the goods: a <see cref="Return"/> was made of it.</summary>
    Received,
    /// <summary>The customer (or service) called it off.</summary>
    Cancelled,
    /// <summary>The return window closed before the goods came in. Never stored: an open request past its expiry reads as expired.</summary>
    Expired,
}

/// <summary>
/// A return authorization: the customer says online which units of an order they will bring back and to which store.
/// It is judged against the return policy when it is made (window, final sale), so the store only has to judge the
/// goods' condition when they arrive; it expires when the earliest window of its lines closes. Receiving it makes a
/// <see cref="Return"/> through the same path as a return at the counter.
/// </summary>
internal sealed class ReturnRequest
{
    private static readonly Dictionary<ReturnRequestStatus, ReturnRequestStatus[]> Transitions = new()
    {
        [ReturnRequestStatus.Requested] = [ReturnRequestStatus.Received, ReturnRequestStatus.Cancelled, ReturnRequestStatus.Expired],
        [ReturnRequestStatus.Received] = [],
        [ReturnRequestStatus.Cancelled] = [],
        [ReturnRequestStatus.Expired] = [],
    };

    public Guid Id { get; init; } = Guid.CreateVersion7();
    /// <summary>What the customer shows at the counter (also as a QR image).</summary>
    public required string Code { get; init; }
    public Guid OrderId { get; init; }
    public required string OrderNumber { get; init; }
    /// <summary>The store the customer chose to bring the goods to.</summary>
    public required string LocationCode { get; init; }
    public ReturnRequestStatus Status { get; private set; }
    public RefundDestination RefundTo { get; init; }
    public string? CustomerEmail { get; init; }
    public string? CustomerName { get; init; }
    public DateTime RequestedAt { get; init; }
    public string RequestedBy { get; init; } = "";
    public DateTime ExpiresAt { get; init; }
    public Guid? ReturnId { get; private set; }
    /// <summary>When it was received or cancelled.</summary>
    public DateTime? ClosedAt { get; private set; }
    public List<ReturnRequestLine> Lines { get; init; } = [];

    public static bool CanMove(ReturnRequestStatus from, ReturnRequestStatus to) => Transitions[from].Contains(to);

    /// <summary>The status as of <paramref name="now"/>: an open request past its expiry is expired.</summary>
    public ReturnRequestStatus StatusAt(DateTime now) =>
        Status == ReturnRequestStatus.Requested && now >= ExpiresAt ? ReturnRequestStatus.Expired : Status;

    public void AddLine(Guid orderLineId, string sku, string name, int quantity, string? reason) =>
        Lines.Add(new ReturnRequestLine
        {
            RequestId = Id, LineNumber = Lines.Count + 1, OrderLineId = orderLineId, Sku = sku, Name = name, Quantity = quantity, Reason = reason,
        });

    public void Receive(Guid returnId, DateTime at)
    {
        Move(ReturnRequestStatus.Received, at);
        ReturnId = returnId;
    }

    public void Cancel(DateTime at) => Move(ReturnRequestStatus.Cancelled, at);

    /// <summary>Why the request cannot move to <paramref name="to"/> now, or null when it can.</summary>
    public DomainException? CannotMove(ReturnRequestStatus to, DateTime at)
    {
        var from = StatusAt(at);
        if (CanMove(from, to)) return null;
        return from == ReturnRequestStatus.Expired
            ? new DomainException("return_request_expired", $"Return {Code} expired on {ExpiresAt:yyyy-MM-dd}: the return window closed before the goods came in.")
            : new DomainException("return_request_not_open",
                $"Return {Code} is {from.ToString().ToLowerInvariant()}; only a requested return can be {to.ToString().ToLowerInvariant()}.");
    }

    private void Move(ReturnRequestStatus to, DateTime at)
    {
        if (CannotMove(to, at) is { } refused) throw refused;
        Status = to;
        ClosedAt = at;
    }
}

internal sealed class ReturnRequestLine
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid RequestId { get; init; }
    public int LineNumber { get; init; }
    public Guid OrderLineId { get; init; }
    public required string Sku { get; init; }
    public required string Name { get; init; }
    public int Quantity { get; init; }
    public string? Reason { get; init; }
}
