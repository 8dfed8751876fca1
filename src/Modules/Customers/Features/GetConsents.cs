using Omni.Common.Errors;
using Omni.Customers.Data;

namespace Omni.Customers.Features;

/// <summary>The current consent per purpose and the whole ledger, newest first.</summary>
internal static class GetConsents
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder customers) =>
        customers.MapGet("/{id:guid}/consents", Handle).WithName(nameof(GetConsents));

    internal static async Task<IResult> Handle(Guid id, CustomersDbContext db, CancellationToken ct)
    {
        var customer = await CustomerDirectory.LiveAsync(db, id, ct);
        return customer is null ? Problems.NotFound("Customer", id.ToString()) : TypedResults.Ok(await RecordConsent.LedgerAsync(db, customer.Id, ct));
    }
}
