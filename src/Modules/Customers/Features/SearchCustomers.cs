using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Omni.Common.Validation;
using Omni.Customers.Data;
using Omni.Customers.Domain;

namespace Omni.Customers.Features;

public sealed record CustomerPage(IReadOnlyList<CustomerProfile> Items, string? Next);

/// <summary>Customer lookup at the counter or in the console: by exact e-mail or phone, or by a piece of name or identity.</summary>
internal static class SearchCustomers
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder customers) =>
        customers.MapGet("/", Handle).WithName(nameof(SearchCustomers));

    internal static async Task<IResult> Handle(string? email, string? phone, string? q, int? limit, ClaimsPrincipal user, CustomersDbContext db,
        IOptions<CustomerOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Validator();
        var take = limit ?? 20;
        errors.Range("limit", take, 1, 100);
        var given = new[] { email, phone, q }.Count(v => v is not null);
        if (given != 1) errors.Add("email", "give exactly one of email, phone or q.");
        string? normalizedEmail = null, normalizedPhone = null;
        if (email is not null && (normalizedEmail = Identities.Email(email)) is null) errors.Add("email", "must be an e-mail address.");
        if (phone is not null && (normalizedPhone = Identities.Phone(phone, options.Value.DefaultPhoneRegion)) is null)
            errors.Add("phone", "must be a phone number with its country code, e.g. +33612345678.");
        if (q is not null && q.Trim().Length is < 2 or > 100) errors.Add("q", "must be 2 to 100 characters.");
        if (!errors.IsValid) return errors.ToProblem();

        IQueryable<Guid> ids;
        if (normalizedEmail is not null) ids = db.Identities.Where(i => i.Kind == IdentityKind.Email && i.Value == normalizedEmail).Select(i => i.CustomerId);
        else if (normalizedPhone is not null) ids = db.Identities.Where(i => i.Kind == IdentityKind.Phone && i.Value == normalizedPhone).Select(i => i.CustomerId);
        else
        {
            var pattern = "%" + q!.Trim().ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            ids = db.Identities.Where(i => EF.Functions.Like(i.Value.ToLower(), pattern, "\\")).Select(i => i.CustomerId)
                .Union(db.Customers.Where(c => c.Name != null && EF.Functions.Like(c.Name.ToLower(), pattern, "\\")).Select(c => c.Id));
        }
        var customers = await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id) && c.MergedInto == null && c.ErasedAt == null)
            .OrderBy(c => c.Name).ThenBy(c => c.Id).Take(take).ToListAsync(ct);
        var found = customers.Select(c => c.Id).ToList();
        var identities = await db.Identities.AsNoTracking().Where(i => found.Contains(i.CustomerId)).ToListAsync(ct);

        var mask = PersonalDataAccess.MustMask(user);
        if (!mask && customers.Count > 0)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var customer in customers) PersonalDataAccess.Audit(db, user, AuditActions.Read, customer.Id, "search", now);
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Ok(new CustomerPage(customers.Select(c => PersonalDataAccess.Profile(c, identities.Where(i => i.CustomerId == c.Id).ToList(), mask)).ToList(), null));
    }
}
