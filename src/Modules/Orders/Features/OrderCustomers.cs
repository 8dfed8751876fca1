using Omni.Common.Validation;
using Omni.Contracts.Customers;
using Omni.Contracts.Orders;

namespace Omni.Orders.Features;

/// <summary>
/// Which customer profile an order or store sale belongs to: the id the caller gave (it must exist; a merged profile stands
/// for its survivor), else the profile the buyer's e-mail and phone resolve to — created when new. Runs inside the order's
/// transaction, so an order that rolls back leaves no new profile behind, and a replay answers with the customer the first
/// request recorded. Identity rows come first in that transaction, before coupons and stock, like every placement.
/// </summary>
internal static class OrderCustomers
{
    public static async Task<(Guid? CustomerId, IResult? Refusal)> ResolveAsync(ICustomerDirectory customers, Guid? given, CustomerInput? buyer,
        CancellationToken ct)
    {
        if (given is { } id)
        {
            if (await customers.FindAsync(id, ct) is { } known) return (known.Id, null);
            var errors = new Validator();
            errors.Add("customerId", $"Customer '{id}' does not exist.");
            return (null, errors.ToProblem());
        }
        if (string.IsNullOrWhiteSpace(buyer?.Email) && string.IsNullOrWhiteSpace(buyer?.Phone)) return (null, null);
        try
        {
            return ((await customers.ResolveAsync(new CustomerIdentities(buyer.Email, buyer.Phone, Name: buyer.Name), ct)).CustomerId, null);
        }
        catch (ArgumentException)
        {
            // Only a phone the directory cannot read as a number, and nothing else: the order stays anonymous.
            return (null, null);
        }
    }
}
