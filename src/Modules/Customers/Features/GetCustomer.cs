using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Omni.Common;
using Omni.Common.Errors;
using Omni.Contracts.Carts;
using Omni.Contracts.Orders;
using Omni.Customers.Data;
using Omni.Customers.Domain;

namespace Omni.Customers.Features;

/// <summary>A return of one of the customer's orders, at any location.</summary>
public sealed record ReturnHistoryEntry(Guid ReturnId, Guid OrderId, string OrderNumber, string LocationCode, int Units, MoneyDto Refund,
    string RefundTo, Guid? ExchangeOrderId, DateTime ReceivedAt);

/// <summary>
/// The customer 360: profile, orders from every channel, their returns, the current cart, recent interactions, loyalty and
/// consents. Orders come through IOrderHistory, the cart through ICustomerCarts; returns from <c>return.received</c> events.
/// </summary>
public sealed record Customer360(CustomerProfile Profile, IReadOnlyList<OrderHistoryEntry> Orders, IReadOnlyList<InteractionView> RecentInteractions,
    LoyaltySummary Loyalty, IReadOnlyList<ConsentView> Consents, IReadOnlyList<ReturnHistoryEntry> Returns, CustomerCart? Cart);

internal static class GetCustomer
{
    public const int OrderLimit = 50;
    public const int InteractionLimit = 50;
    public const int ReturnLimit = 50;

    public static RouteHandlerBuilder Map(RouteGroupBuilder customers) =>
        customers.MapGet("/{id:guid}", Handle).WithName(nameof(GetCustomer));

    internal static async Task<IResult> Handle(Guid id, ClaimsPrincipal user, CustomersDbContext db, IOrderHistory orders,
        ICustomerCarts carts, TimeProvider clock, CancellationToken ct)
    {
        var customer = await CustomerDirectory.LiveAsync(db, id, ct);
        if (customer is null) return Problems.NotFound("Customer", id.ToString());

        var mask = PersonalDataAccess.MustMask(user);
        var identities = await db.Identities.AsNoTracking().Where(i => i.CustomerId == customer.Id).ToListAsync(ct);
        var profile = PersonalDataAccess.Profile(customer, identities, mask);
        var emails = Values(identities, IdentityKind.Email);
        var phones = Values(identities, IdentityKind.Phone);
        var devices = Values(identities, IdentityKind.Device);
        var linked = await db.Purchases.AsNoTracking().Where(p => p.CustomerId == customer.Id).Select(p => p.OrderId).ToListAsync(ct);
        var history = await orders.ForCustomerAsync(new CustomerOrderQuery(emails, phones, linked), OrderLimit, ct);
        var interactions = await PersonalDataAccess.InteractionsOf(db, customer.Id, devices)
            .OrderByDescending(i => i.OccurredAt).Take(InteractionLimit).ToListAsync(ct);
        var consents = await db.Consents.AsNoTracking().Where(c => c.CustomerId == customer.Id).ToListAsync(ct);
        var loyalty = await GetLoyalty.SummaryAsync(db, customer, ct);
        var orderIds = linked.Concat(history.Select(o => o.OrderId)).Distinct().ToList();
        var returns = await db.Returns.AsNoTracking().Where(r => orderIds.Contains(r.OrderId)).OrderByDescending(r => r.ReceivedAt).Take(ReturnLimit).ToListAsync(ct);
        var cart = await carts.ActiveAsync(customer.Id, ct);

        if (!mask)
        {
            PersonalDataAccess.Audit(db, user, AuditActions.Read, customer.Id, "customer 360", clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Ok(new Customer360(profile, history, interactions.Select(PersonalDataAccess.View).ToList(), loyalty,
            ConsentState.Current(consents).Select(PersonalDataAccess.View).ToList(),
            [.. returns.Select(r => new ReturnHistoryEntry(r.ReturnId, r.OrderId, r.OrderNumber, r.LocationCode, r.Units,
                new Money(r.RefundMinor, r.Currency).ToDto(), r.RefundTo, r.ExchangeOrderId, r.ReceivedAt))], cart));
    }

    private static List<string> Values(List<CustomerIdentity> identities, IdentityKind kind) =>
        identities.Where(i => i.Kind == kind).Select(i => i.Value).ToList();
}
