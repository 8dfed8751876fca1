using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;
using Omni.Common.Errors;
using Omni.Contracts.Customers;
using Omni.Contracts.Identity;
using Omni.Contracts.PersonalData;
using Omni.Customers.Data;
using Omni.Customers.Domain;

namespace Omni.Customers.Features;

public sealed record ErasureResult(Guid CustomerId, DateTime ErasedAt, bool AlreadyErased, IReadOnlyDictionary<string, int> Modules);

/// <summary>
/// GDPR erasure in every module that keeps personal data, in one transaction: either the person is gone everywhere or
/// nowhere. Erasing again answers as erased and changes nothing. Every request is audited, without the data itself.
/// </summary>
internal static class EraseCustomer
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder customers) =>
        customers.MapPost("/{id:guid}/erase", Handle).WithName(nameof(EraseCustomer));

    internal static async Task<IResult> Handle(Guid id, ClaimsPrincipal user, CustomersDbContext db, DbSession session,
        IEnumerable<IPersonalDataContributor> contributors, TimeProvider clock, CancellationToken ct)
    {
        if (user.BoundStore() is { } store) return Problems.Forbidden($"A key bound to store '{store}' may not erase personal data.");
        var customer = await CustomerDirectory.SurvivorAsync(db, id, ct);
        if (customer is null) return Problems.NotFound("Customer", id.ToString());

        var now = clock.GetUtcNow().UtcDateTime;
        if (customer.ErasedAt is { } erasedAt)
        {
            PersonalDataAccess.Audit(db, user, AuditActions.Erase, customer.Id, "erase requested again: already erased", now);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(new ErasureResult(customer.Id, erasedAt, AlreadyErased: true, new Dictionary<string, int>()));
        }

        var modules = await session.InTransactionAsync(async () =>
        {
            var subject = await DataSubjects.ForAsync(db, customer.Id, ct);
            var touched = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var contributor in contributors) touched[contributor.Module] = await contributor.EraseAsync(subject, ct);
            PersonalDataAccess.Audit(db, user, AuditActions.Erase, customer.Id,
                "erased: " + string.Join(", ", touched.Select(t => $"{t.Key} {t.Value} records")), now);
            db.Publish(new CustomerErased(customer.Id), now);
            await db.SaveChangesAsync(ct);
            return touched;
        }, ct);
        // As stored (PostgreSQL keeps microseconds), so a repeated request answers with the very same time.
        var stored = await db.Customers.AsNoTracking().Where(c => c.Id == customer.Id).Select(c => c.ErasedAt).FirstAsync(ct);
        return TypedResults.Ok(new ErasureResult(customer.Id, stored ?? now, AlreadyErased: false, modules));
    }
}
