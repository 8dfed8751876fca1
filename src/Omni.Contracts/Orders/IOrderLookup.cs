using Omni.Common;

namespace Omni.Contracts.Orders;

/// <summary>Who placed an order, as the order recorded it.</summary>
/// <param name="Email">E-mail, normalized to lower case.</param>
/// <param name="Name">Name.</param>
/// <param name="Phone">Phone.</param>
public sealed record OrderCustomer(string? Email, string? Name, string? Phone);

/// <summary>One line of an order as it was sold.</summary>
/// <param name="LineId">The line's id.</param>
/// <param name="LineNumber">1-based position in the order.</param>
/// <param name="Sku">SKU.</param>
/// <param name="Name">Name at the time of the sale.</param>
/// <param name="Quantity">Units bought.</param>
/// <param name="UnitPrice">Unit price before line discounts.</param>
/// <param name="Paid">What the customer paid for the whole line, after its discounts: refunds are pro-rated from this.</param>
public sealed record OrderLineSnapshot(Guid LineId, int LineNumber, string Sku, string Name, int Quantity, Money UnitPrice, Money Paid);

/// <summary>An order as other modules may read it.</summary>
/// <param name="OrderId">Id.</param>
/// <param name="Number">Human-facing number.</param>
/// <param name="Channel">Where it was placed.</param>
/// <param name="Status">accepted, completed or cancelled.</param>
/// <param name="Currency">ISO 4217 currency of every amount of the order.</param>
/// <param name="PlacedAt">When it was placed (for a store sale: when the till rang it up).</param>
/// <param name="HandedOverAt">When the customer had everything (a completed order); null while that has not happened.</param>
/// <param name="Customer">Who placed it.</param>
/// <param name="Lines">Its lines, in order.</param>
public sealed record OrderSnapshot(Guid OrderId, string Number, SalesChannel Channel, string Status, string Currency, DateTime PlacedAt,
    DateTime? HandedOverAt, OrderCustomer Customer, IReadOnlyList<OrderLineSnapshot> Lines);

/// <summary>Reads orders on behalf of other modules (returns, service).</summary>
public interface IOrderLookup
{
    /// <summary>The order, or null when it does not exist. Reads on the caller's connection and transaction.</summary>
    Task<OrderSnapshot?> FindAsync(Guid orderId, CancellationToken ct);

    /// <summary>The order with this human-facing number (as on the receipt, any case), or null.</summary>
    Task<OrderSnapshot?> FindByNumberAsync(string number, CancellationToken ct);
}
