using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;
using Omni.Common.Errors;
using Omni.Common.Validation;
using Omni.Contracts.Customers;
using Omni.Customers.Data;
using Omni.Customers.Domain;

namespace Omni.Customers.Features;

public sealed record MergeCustomersRequest(Guid? From);

/// <summary>
/// Two profiles turn out to be one person (the web account and the loyalty card at the till): everything of
/// <c>from</c> — identities, purchases, interactions, consents, points — moves to the surviving profile in one
/// transaction. <c>from</c> keeps only its id and where it went, so old references still resolve.
/// </summary>
internal static class MergeCustomers
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder customers) =>
        customers.MapPost("/{id:guid}/merge", Handle).WithName(nameof(MergeCustomers));

    internal static async Task<IResult> Handle(Guid id, MergeCustomersRequest request, ClaimsPrincipal user, CustomersDbContext db, DbSession session,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new Validator();
        if (errors.Required("from", request.From) && request.From == id) errors.Add("from", "must be another customer than the one merged into.");
        if (!errors.IsValid) return errors.ToProblem();
        var from = request.From!.Value;

        foreach (var customerId in new[] { id, from })
        {
            var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, ct);
            if (customer is null) return Problems.NotFound("Customer", customerId.ToString());
            if (!customer.IsLive)
                return Problems.Conflict("customer_not_mergeable", $"Customer '{customerId}' was already {(customer.ErasedAt is null ? "merged" : "erased")}.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var merged = await session.InTransactionAsync(async () =>
        {
            // Touch both rows in id order: the conditional updates lock them, and a fixed order means two opposite merges
            // of the same pair wait for each other instead of deadlocking. Whoever comes second finds one no longer live.
            var fromName = await db.Customers.AsNoTracking().Where(c => c.Id == from).Select(c => c.Name).FirstAsync(ct);
            var fromPoints = 0L;
            var fromEarned = 0L;
            foreach (var customerId in new[] { id, from }.Order())
            {
                var live = db.Customers.Where(c => c.Id == customerId && c.MergedInto == null && c.ErasedAt == null);
                if (customerId == from)
                {
                    var row = await live.Select(c => new { c.PointsBalance, c.PointsEarned }).FirstOrDefaultAsync(ct);
                    if (row is null || await live.ExecuteUpdateAsync(s => s.SetProperty(c => c.MergedInto, id).SetProperty(c => c.Name, (string?)null)
                            .SetProperty(c => c.PointsBalance, 0L).SetProperty(c => c.PointsEarned, 0L).SetProperty(c => c.UpdatedAt, now), ct) == 0)
                        return false;
                    (fromPoints, fromEarned) = (row.PointsBalance, row.PointsEarned);
                }
                else if (await live.ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, now), ct) == 0) return false;
            }
            await db.Customers.Where(c => c.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.PointsBalance, c => c.PointsBalance + fromPoints)
                .SetProperty(c => c.PointsEarned, c => c.PointsEarned + fromEarned)
                .SetProperty(c => c.Name, c => c.Name ?? fromName), ct);
            await db.Identities.Where(x => x.CustomerId == from).ExecuteUpdateAsync(s => s.SetProperty(x => x.CustomerId, id), ct);
            await db.Purchases.Where(x => x.CustomerId == from).ExecuteUpdateAsync(s => s.SetProperty(x => x.CustomerId, id), ct);
            await db.Interactions.Where(x => x.CustomerId == from).ExecuteUpdateAsync(s => s.SetProperty(x => x.CustomerId, id), ct);
            await db.Consents.Where(x => x.CustomerId == from).ExecuteUpdateAsync(s => s.SetProperty(x => x.CustomerId, id), ct);
            await db.LoyaltyLedger.Where(x => x.CustomerId == from).ExecuteUpdateAsync(s => s.SetProperty(x => x.CustomerId, id), ct);
            // Profiles merged into `from` earlier now point straight at the survivor.
            await db.Customers.Where(c => c.MergedInto == from).ExecuteUpdateAsync(s => s.SetProperty(c => c.MergedInto, id), ct);
            PersonalDataAccess.Audit(db, user, AuditActions.Merge, id, $"merged customer {from} into {id}", now);
            db.Publish(new CustomerMerged(from, id), now);
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
        if (!merged) return Problems.Conflict("customer_not_mergeable", "One of the customers was merged or erased meanwhile.");

        var survivor = (await CustomerDirectory.LiveAsync(db, id, ct))!;
        return TypedResults.Ok(await PersonalDataAccess.ProfileAsync(db, survivor, PersonalDataAccess.MustMask(user), ct));
    }
}
