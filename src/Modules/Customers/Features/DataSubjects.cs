using Microsoft.EntityFrameworkCore;
using Omni.Contracts.PersonalData;
using Omni.Customers.Data;
using Omni.Customers.Domain;

namespace Omni.Customers.Features;

internal static class DataSubjects
{
    /// <summary>Everything other modules may know the person by: what they erase or export by.</summary>
    public static async Task<DataSubject> ForAsync(CustomersDbContext db, Guid customerId, CancellationToken ct)
    {
        var identities = await db.Identities.AsNoTracking().Where(i => i.CustomerId == customerId).ToListAsync(ct);
        List<string> Of(IdentityKind kind) => identities.Where(i => i.Kind == kind).Select(i => i.Value).ToList();
        return new DataSubject(customerId, Of(IdentityKind.Email), Of(IdentityKind.Phone), Of(IdentityKind.Loyalty), Of(IdentityKind.Device));
    }
}
