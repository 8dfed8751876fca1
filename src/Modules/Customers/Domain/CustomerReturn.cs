namespace Omni.Customers.Domain;

/// <summary>
/// A return of one of the customer's orders, copied from <c>return.received</c> for the 360. Keyed by the return; it names
/// the order, not the customer, so it joins whichever profile the order belongs to at read time (merges included) and
/// holds no personal data of its own.
/// </summary>
internal sealed class CustomerReturn
{
    public Guid ReturnId { get; init; }
    public Guid OrderId { get; init; }
    public required string OrderNumber { get; init; }
    public required string LocationCode { get; init; }
    public int Units { get; init; }
    public long RefundMinor { get; init; }
    public required string Currency { get; init; }
    public required string RefundTo { get; init; }
    public Guid? ExchangeOrderId { get; init; }
    public DateTime ReceivedAt { get; init; }
}
