using Microsoft.EntityFrameworkCore;
using Omni.Contracts.PersonalData;
using Omni.Customers.Data;
using Omni.Customers.Features;

namespace Omni.Customers;

public sealed record CustomersExport(CustomerProfile? Profile, IReadOnlyList<PurchaseExport> Purchases, IReadOnlyList<InteractionView> Interactions,
    IReadOnlyList<ConsentView> Consents, IReadOnlyList<LoyaltyLedgerLine> Loyalty, long PointsBalance);

public sealed record PurchaseExport(Guid OrderId, string Number, string Channel, DateTime PlacedAt);

/// <summary>
/// The Customers module's own part of a GDPR request: the profile and its identities, purchases, interactions (also the
/// anonymous ones of the person's devices), consents and the points ledger. Erasure deletes all of it and leaves the
/// profile row as a tombstone (id and time of erasure) so references from other modules and the audit trail still resolve.
/// </summary>
internal sealed class CustomerPersonalData(CustomersDbContext db, TimeProvider clock) : IPersonalDataContributor
{
    public string Module => CustomersModule.Name;

    public async Task<object> ExportAsync(DataSubject subject, CancellationToken ct)
    {
        var id = subject.CustomerId;
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        var profile = customer is null ? null : await PersonalDataAccess.ProfileAsync(db, customer, mask: false, ct);
        var purchases = await db.Purchases.AsNoTracking().Where(p => p.CustomerId == id).OrderBy(p => p.PlacedAt).ToListAsync(ct);
        var interactions = await PersonalDataAccess.InteractionsOf(db, id, subject.DeviceIds).OrderBy(i => i.OccurredAt).ToListAsync(ct);
        var consents = await db.Consents.AsNoTracking().Where(c => c.CustomerId == id).OrderBy(c => c.RecordedAt).ToListAsync(ct);
        var ledger = await db.LoyaltyLedger.AsNoTracking().Where(e => e.CustomerId == id).OrderBy(e => e.OccurredAt).ToListAsync(ct);
        return new CustomersExport(profile,
            purchases.Select(p => new PurchaseExport(p.OrderId, p.Number, p.Channel, p.PlacedAt)).ToList(),
            interactions.Select(PersonalDataAccess.View).ToList(),
            consents.Select(PersonalDataAccess.View).ToList(),
            ledger.Select(e => new LoyaltyLedgerLine(e.Points, e.Kind, e.Reference, e.OccurredAt)).ToList(),
            customer?.PointsBalance ?? 0);
    }

    public async Task<int> EraseAsync(DataSubject subject, CancellationToken ct)
    {
        var id = subject.CustomerId;
        var devices = subject.DeviceIds.ToList();
        var touched = await db.Interactions.Where(i => i.CustomerId == id || (i.CustomerId == null && devices.Contains(i.DeviceId))).ExecuteDeleteAsync(ct);
        touched += await db.Identities.Where(i => i.CustomerId == id).ExecuteDeleteAsync(ct);
        touched += await db.Purchases.Where(p => p.CustomerId == id).ExecuteDeleteAsync(ct);
        touched += await db.Consents.Where(c => c.CustomerId == id).ExecuteDeleteAsync(ct);
        touched += await db.LoyaltyLedger.Where(e => e.CustomerId == id).ExecuteDeleteAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        touched += await db.Customers.Where(c => c.Id == id && c.ErasedAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Name, (string?)null).SetProperty(c => c.PointsBalance, 0L).SetProperty(c => c.PointsEarned, 0L)
            .SetProperty(c => c.ErasedAt, now).SetProperty(c => c.UpdatedAt, now), ct);
        return touched;
    }
}
