using System.Security.Claims;
using Omni.Common.Errors;
using Omni.Contracts.Identity;
using Omni.Contracts.PersonalData;
using Omni.Customers.Data;
using Omni.Customers.Domain;

namespace Omni.Customers.Features;

public sealed record PersonalDataExport(Guid CustomerId, DateTime ExportedAt, IReadOnlyDictionary<string, object> Modules);

/// <summary>GDPR access: all personal data about the customer, from every module that keeps some (each through IPersonalDataContributor).</summary>
internal static class ExportCustomer
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder customers) =>
        customers.MapGet("/{id:guid}/export", Handle).WithName(nameof(ExportCustomer));

    internal static async Task<IResult> Handle(Guid id, ClaimsPrincipal user, CustomersDbContext db, IEnumerable<IPersonalDataContributor> contributors,
        TimeProvider clock, CancellationToken ct)
    {
        if (user.BoundStore() is { } store) return Problems.Forbidden($"A key bound to store '{store}' may not export personal data.");
        var customer = await CustomerDirectory.LiveAsync(db, id, ct);
        if (customer is null) return Problems.NotFound("Customer", id.ToString());

        var subject = await DataSubjects.ForAsync(db, customer.Id, ct);
        var modules = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var contributor in contributors) modules[contributor.Module] = await contributor.ExportAsync(subject, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        PersonalDataAccess.Audit(db, user, AuditActions.Export, customer.Id, $"export: {string.Join(", ", modules.Keys)}", now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new PersonalDataExport(customer.Id, now, modules));
    }
}
