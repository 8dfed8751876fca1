using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Errors;
using Omni.Common.Validation;
using Omni.Contracts;
using Omni.Contracts.Identity;
using Omni.Customers.Data;
using Omni.Customers.Domain;

namespace Omni.Customers.Features;

public sealed record RecordConsentRequest(ConsentPurpose? Purpose, bool? Granted, SalesChannel? Channel, DateTime? OccurredAt);

public sealed record ConsentLedger(Guid CustomerId, IReadOnlyList<ConsentView> Current, IReadOnlyList<ConsentView> History);

/// <summary>
/// A consent decision joins the ledger; nothing is ever updated or deleted (except by erasure), so the ledger proves
/// what the customer agreed to and when. A decision given offline may arrive late: the current state is the latest
/// decision by when it was given, not by when it arrived.
/// </summary>
internal static class RecordConsent
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static RouteHandlerBuilder Map(RouteGroupBuilder customers) =>
        customers.MapPost("/{id:guid}/consents", Handle).WithName(nameof(RecordConsent));

    internal static async Task<IResult> Handle(Guid id, RecordConsentRequest request, ClaimsPrincipal user, CustomersDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new Validator();
        errors.Required("purpose", request.Purpose);
        errors.Required("granted", request.Granted);
        errors.Required("channel", request.Channel);
        if (request.OccurredAt is { } at && at.ToUniversalTime() > now + ClockSkew) errors.Add("occurredAt", "is in the future.");
        if (!errors.IsValid) return errors.ToProblem();
        var customer = await CustomerDirectory.LiveAsync(db, id, ct);
        if (customer is null) return Problems.NotFound("Customer", id.ToString());

        db.Consents.Add(new ConsentEntry
        {
            CustomerId = customer.Id, Purpose = request.Purpose!.Value, Granted = request.Granted!.Value,
            Channel = request.Channel!.Value.ToString().ToLowerInvariant(), OccurredAt = request.OccurredAt?.ToUniversalTime() ?? now,
            RecordedAt = now, RecordedBy = user.Actor(),
        });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/customers/{customer.Id}/consents", await LedgerAsync(db, customer.Id, ct));
    }

    public static async Task<ConsentLedger> LedgerAsync(CustomersDbContext db, Guid customerId, CancellationToken ct)
    {
        var ledger = await db.Consents.AsNoTracking().Where(c => c.CustomerId == customerId).ToListAsync(ct);
        return new ConsentLedger(customerId, ConsentState.Current(ledger).Select(PersonalDataAccess.View).ToList(),
            ledger.OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id).Select(PersonalDataAccess.View).ToList());
    }
}
