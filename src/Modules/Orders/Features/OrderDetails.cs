using Omni.Common;
using Omni.Contracts;
using Omni.Contracts.Orders;
using Omni.Orders.Domain;

namespace Omni.Orders.Features;

public sealed record CustomerDetails(string? Email, string? Name, string? Phone);

public sealed record AddressDetails(string Line1, string? Line2, string City, string PostalCode, string Country, double? Latitude, double? Longitude);

public sealed record LineFulfillment(string Method, string? LocationCode);

public sealed record AllocationDetails(string LocationCode, int Quantity);

public sealed record OrderLineDetails(Guid Id, int LineNumber, string Sku, string ProductCode, string Name, int Quantity,
    MoneyDto UnitPrice, MoneyDto LineTotal, LineFulfillment Fulfillment, IReadOnlyList<AllocationDetails> Allocations,
    MoneyDto Discount, MoneyDto Tax, IReadOnlyList<string> Promotions, int CancelledQuantity);

public sealed record OrderDetails(Guid Id, string Number, string Status, SalesChannel Channel, CustomerDetails Customer,
    AddressDetails? ShippingAddress, IReadOnlyList<OrderLineDetails> Lines, MoneyDto Total, DateTime PlacedAt, DateTime? ClosedAt, string? CancelReason,
    MoneyDto DiscountTotal, MoneyDto TaxTotal, bool TaxIncluded, IReadOnlyList<string> Coupons, Guid? CustomerId, long LoyaltyPoints);

internal static class OrderMapping
{
    public static OrderDetails ToDetails(this Order order) => new(
        order.Id, order.Number, Lower(order.Status.ToString()), order.Channel,
        new CustomerDetails(order.CustomerEmail, order.CustomerName, order.CustomerPhone),
        order.ShippingAddress is { } a ? new AddressDetails(a.Line1, a.Line2, a.City, a.PostalCode, a.Country, a.Latitude, a.Longitude) : null,
        order.Lines.OrderBy(l => l.LineNumber).Select(l => new OrderLineDetails(
            l.Id, l.LineNumber, l.Sku, l.ProductCode, l.Name, l.Quantity,
            new Money(l.UnitPriceMinor, order.Currency).ToDto(), new Money(l.TotalMinor(order.TaxIncluded), order.Currency).ToDto(),
            new LineFulfillment(Lower(l.Method.ToString()), l.LocationCode),
            l.Allocations.Select(x => new AllocationDetails(x.LocationCode, x.Quantity)).ToList(),
            new Money(l.DiscountMinor, order.Currency).ToDto(), new Money(l.TaxMinor, order.Currency).ToDto(), l.Promotions, l.CancelledQuantity)).ToList(),
        order.Total.ToDto(), order.PlacedAt, order.ClosedAt, order.CancelReason,
        new Money(order.DiscountMinor, order.Currency).ToDto(), new Money(order.TaxMinor, order.Currency).ToDto(), order.TaxIncluded, order.Coupons, order.CustomerId, order.LoyaltyPoints);

    public static string Method(FulfillmentMethod method) => Lower(method.ToString());

    private static string Lower(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
