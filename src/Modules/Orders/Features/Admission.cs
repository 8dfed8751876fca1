using Omni.Common.Errors;
using Omni.Common.Validation;
using Omni.Contracts.Catalog;
using Omni.Contracts.Customers;
using Omni.Contracts.Inventory;
using Omni.Contracts.Locations;
using Omni.Contracts.Orders;
using Omni.Contracts.Payments;
using Omni.Contracts.Pricing;
using Omni.Orders.Data;
using Omni.Orders.Domain;
using Omni.Orders.Sourcing;

namespace Omni.Orders.Features;

/// <summary>What admitting an order came to: the SKUs that could not be reserved, or the problem that refuses it, or neither.</summary>
internal sealed record Admitted(IReadOnlyList<string> ShortSkus, IResult? Refusal);

/// <summary>
/// The steps every new order takes inside its transaction, whoever places it (<c>POST /orders</c>, an exchange at the
/// returns counter): number it, price it through the engine (coupons redeemed), reserve every allocation, authorize
/// the priced total, then add it with its sourcing decision, its fulfillments and its <c>order.placed</c> event.
/// Given a stock hold (a cart's checkout), the hold is converted into the order's reservations instead of reserving
/// afresh, so the held units stay the order's. A short reservation or a refusal leaves things for the caller to roll back.
/// </summary>
internal sealed class Admission(OrdersDbContext db, IStockReservations reservations, IPricing pricing, IPayments payments,
    ICustomerDirectory customers, ILoyaltyPoints loyalty, IReadOnlyDictionary<string, LocationSnapshot> locations)
{
    public async Task<Admitted> AdmitAsync(Order order, PlaceOrderRequest request, IReadOnlyDictionary<string, VariantSnapshot> variants,
        SourcingResult sourced, Guid? holdId, string actor, DateTime now, CancellationToken ct)
    {
        order.AssignNumber(await OrderNumbers.NextAsync(db, ct));
        var (customerId, unknownCustomer) = await OrderCustomers.ResolveAsync(customers, request.CustomerId, request.Customer, ct);
        if (unknownCustomer is not null) return new Admitted([], unknownCustomer);
        order.BelongsTo(customerId);
        // Coupon rows are locked before stock rows, everywhere (placement, store sales, cancel), so the two never deadlock.
        if (await PricedThroughEngine.PriceAsync(pricing, order, variants, request.Coupons, request.ShippingAddress?.Country, locations, atTill: false, ct) is { } refused)
            return new Admitted([], refused);
        if (request.LoyaltyPoints is { } points && await RedeemPointsAsync(order, points, ct) is { } unpaid) return new Admitted([], unpaid);
        var claims = order.Lines.SelectMany(l => l.Allocations.Select(a => new StockClaim(order.Id, l.Id, a.LocationCode, l.Sku, a.Quantity))).ToList();
        var failed = holdId is { } hold
            ? await reservations.ConvertHoldAsync(hold, claims, actor, now, ct)
            : await reservations.ReserveAsync(claims, actor, now, ct);
        if (failed.Count > 0) return new Admitted([.. failed.Select(f => f.Sku).Distinct()], null);

        // Authorized after pricing: the amount is what the customer pays, discounts and coupons included.
        if (request.Payment is { } payment
            && await payments.AuthorizeAsync(order.Id, order.Total, payment.ToTender(), order.CustomerEmail, ct) is { Succeeded: false } declined)
            return new Admitted([], Problems.Problem(StatusCodes.Status402PaymentRequired, "payment_declined", declined.Message ?? "The payment was declined.",
                new Dictionary<string, object?> { ["declineCode"] = declined.DeclineCode }));

        db.Orders.Add(order);
        db.SourcingDecisions.Add(SourcingData.Decision(order.Id, sourced.Explanation, now));
        db.Fulfillments.AddRange(Fulfillment.ForOrder(order, now));
        db.Publish(new OrderPlaced(order.Id, order.Number, order.Channel.ToString().ToLowerInvariant(), order.Total.ToDto(), order.CustomerEmail,
            order.Lines.Select(l => new OrderLineSummary(l.Sku, l.Quantity, OrderMapping.Method(l.Method),
                l.Allocations.ToDictionary(a => a.LocationCode, a => a.Quantity))).ToList(), order.CustomerPhone, order.CustomerName, order.CustomerId), now);
        return new Admitted([], null);
    }

    /// <summary>
    /// Pays part of the order with the customer's points, in the order's transaction (a rolled-back order takes none). The
    /// customer's row is locked after the coupon rows and before the stock rows; Customers gives the points back on cancel.
    /// </summary>
    private async Task<IResult?> RedeemPointsAsync(Order order, long points, CancellationToken ct)
    {
        var errors = new Validator();
        if (order.CustomerId is not { } customer)
            return errors.Add("loyaltyPoints", "need a known customer: give customerId, or the buyer's e-mail or phone.").ToProblem();
        var value = loyalty.ValueOf(points, order.Currency);
        if (value.Minor > order.TotalMinor) return errors.Add("loyaltyPoints", $"are worth {value}, more than the order costs ({order.Total}).").ToProblem();
        var outcome = await loyalty.RedeemAsync(customer, points, order.Id.ToString(), ct);
        if (!outcome.Succeeded)
            return Problems.Conflict("insufficient_points", $"The customer has {outcome.Balance} points, not {points}.",
                new Dictionary<string, object?> { ["balance"] = outcome.Balance });
        order.RedeemPoints(points, value.Minor);
        return null;
    }
}
