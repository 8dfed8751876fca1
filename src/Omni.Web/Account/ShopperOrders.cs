using Omni.Contracts.Carts;
using Omni.Contracts.Customers;
using Omni.Contracts.Orders;
using Omni.Customers.Data;
using Omni.Customers.Features;
using Omni.Orders.Data;
using Omni.Orders.Features;
using Omni.Web.Storefront;

namespace Omni.Web.Account;

/// <summary>An order as its shopper follows it: the order and how each part of it is being fulfilled.</summary>
public sealed record ShopperOrder(OrderDetails Order, IReadOnlyList<FulfillmentDetails> Fulfillments);

/// <summary>
/// The signed-in shopper's orders from every channel, read through the Customers module's 360 (orders matched by the
/// profile's e-mails and phones, and store sales linked to it) and the Orders module's own handlers.
/// </summary>
internal sealed class ShopperOrders(
    IHttpContextAccessor http, ShopperProfile profile, ShopperCart cart, ICustomerDirectory directory, ICustomerCarts carts,
    CustomersDbContext customers, OrdersDbContext orders, IOrderHistory history, TimeProvider clock)
{
    /// <summary>The shopper's 360: profile, orders newest first, consents; null for an anonymous shopper.</summary>
    public async Task<Customer360?> OverviewAsync(CancellationToken ct = default) =>
        await profile.CustomerIdAsync(ct) is { } id
            ? (await GetCustomer.Handle(id, http.HttpContext!.User, customers, history, carts, clock, ct)).Read<Customer360>().Value
            : null;

    /// <summary>How each order is being fulfilled, keyed by order.</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<FulfillmentDetails>>> FulfillmentsAsync(IEnumerable<Guid> orderIds, CancellationToken ct = default)
    {
        var result = new Dictionary<Guid, IReadOnlyList<FulfillmentDetails>>();
        foreach (var id in orderIds) result[id] = await FulfillmentsAsync(id, ct);
        return result;
    }

    /// <summary>
    /// The order when it is the shopper's: placed with one of their profile's e-mails, in their order history, or made
    /// from <paramref name="cartId"/>, a cart they may reach (the confirmation page, for an anonymous shopper too).
    /// Anyone else's order reads as not found.
    /// </summary>
    public async Task<ShopperOrder?> FindAsync(Guid orderId, Guid? cartId = null, CancellationToken ct = default)
    {
        if ((await GetOrder.Handle(orderId, orders, ct)).Read<OrderDetails>().Value is not { } order) return null;
        if (!(cartId is { } from && await cart.CheckedOutAsync(from, order.Id, ct)) && !await OwnsAsync(order, ct)) return null;
        return new ShopperOrder(order, await FulfillmentsAsync(order.Id, ct));
    }

    private async Task<bool> OwnsAsync(OrderDetails order, CancellationToken ct)
    {
        if (await profile.CustomerIdAsync(ct) is not { } id) return false;
        if (await directory.FindAsync(id, ct) is { } snapshot && order.Customer.Email is { } email
            && snapshot.Emails.Contains(email.Trim().ToLowerInvariant(), StringComparer.Ordinal)) return true;
        return (await OverviewAsync(ct))?.Orders.Any(o => o.OrderId == order.Id) == true;
    }

    private async Task<IReadOnlyList<FulfillmentDetails>> FulfillmentsAsync(Guid orderId, CancellationToken ct) =>
        (await ListOrderFulfillments.Handle(orderId, http.HttpContext!.User, orders, ct)).Read<FulfillmentList>().Value?.Items ?? [];

    /// <summary>What a fulfillment's status means to the shopper.</summary>
    public static string StatusText(FulfillmentDetails f) => f.Status switch
    {
        "allocated" or "picking" or "packed" => f.Method == "ship" ? "Being prepared" : $"Being prepared at {f.LocationCode}",
        "shipped" or "in_transit" => "Shipped" + (f.TrackingNumber is { } tracking ? $", tracking {tracking}" : ""),
        "received_at_store" => $"Arrived at {f.HandoverLocationCode ?? f.LocationCode}, being made ready",
        "ready_for_pickup" => $"Ready for pickup at {f.HandoverLocationCode ?? f.LocationCode}",
        "customer_arrived" => "You are here: it is on its way out to you",
        "picked_up" when f.Method == "carryOut" => $"Bought in store {f.LocationCode}",
        "picked_up" => "Picked up",
        "delivered" => "Delivered",
        "expired" => "Not collected in time",
        "cancelled" => "Cancelled",
        var other => other.Replace('_', ' '),
    };

    /// <summary>One line for an order in a list: its fulfillments' states, or the order's own for a sale with none (a till sale).</summary>
    public static string StatusText(string orderStatus, IReadOnlyList<FulfillmentDetails> fulfillments) => fulfillments.Count == 0
        ? orderStatus switch { "completed" => "Completed", "cancelled" => "Cancelled", "accepted" => "Accepted", var other => other }
        : string.Join(" · ", fulfillments.Select(StatusText).Distinct());
}
