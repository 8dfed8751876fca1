using Omni.Common;

namespace Omni.Contracts.Orders;

/// <summary>Which orders belong to a customer: any order matching one of the e-mails or phones, or one of the ids.</summary>
/// <param name="Emails">E-mail addresses, lower-cased.</param>
/// <param name="Phones">Phone numbers in E.164 (orders store them as typed; separators are ignored when comparing).</param>
/// <param name="OrderIds">Orders known to be the customer's (e.g. linked from <c>order.placed</c> events).</param>
public sealed record CustomerOrderQuery(IReadOnlyList<string> Emails, IReadOnlyList<string> Phones, IReadOnlyList<Guid> OrderIds);

/// <summary>An order in a customer's history.</summary>
/// <param name="OrderId">Id.</param>
/// <param name="Number">Human-facing number.</param>
/// <param name="Channel">Sales channel, lower case.</param>
/// <param name="Status">accepted, completed or cancelled.</param>
/// <param name="Total">Order total.</param>
/// <param name="PlacedAt">When it was placed (for a store sale, when it happened at the till).</param>
/// <param name="Lines">Number of lines.</param>
/// <param name="Locations">Stores and warehouses involved (pickup store, till, allocations).</param>
public sealed record OrderHistoryEntry(Guid OrderId, string Number, string Channel, string Status, MoneyDto Total, DateTime PlacedAt,
    int Lines, IReadOnlyList<string> Locations);

/// <summary>Orders from every channel for one customer, for the customer 360 view.</summary>
public interface IOrderHistory
{
    /// <summary>The customer's orders, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<OrderHistoryEntry>> ForCustomerAsync(CustomerOrderQuery query, int limit, CancellationToken ct);
}
