using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Omni.Common.Data;
using Omni.Contracts.Customers;
using Omni.Customers.Data;
using Omni.Customers.Domain;

namespace Omni.Customers;

/// <summary>
/// Identity resolution: match or create. Every identity is claimed with an insert that does nothing on conflict
/// (the unique (kind, value) index decides), so two requests that race to create a profile for the same new e-mail
/// end with one profile: the loser sees the winner's claim and joins it. On PostgreSQL the loser's insert waits for the
/// winner's transaction; on SQLite writers are serialized anyway.
/// </summary>
internal sealed class CustomerDirectory(CustomersDbContext db, DbSession session, IOptions<CustomerOptions> options, TimeProvider clock)
    : ICustomerDirectory
{
    private const int MaxMergeHops = 16;

    public async Task<CustomerResolution> ResolveAsync(CustomerIdentities identities, CancellationToken ct)
    {
        var keys = Keys(identities, options.Value.DefaultPhoneRegion);
        if (keys.Count == 0) throw new ArgumentException("No usable identity: give an e-mail, a phone, a loyalty id or a device id.", nameof(identities));
        return session.Transaction is null
            ? await session.InTransactionAsync(() => ResolveInTransactionAsync(keys, identities.Name, ct), ct)
            : await ResolveInTransactionAsync(keys, identities.Name, ct);
    }

    public async Task<CustomerSnapshot?> FindAsync(Guid customerId, CancellationToken ct)
    {
        var customer = await LiveAsync(db, customerId, ct);
        if (customer is null) return null;
        var identities = await db.Identities.AsNoTracking().Where(i => i.CustomerId == customer.Id).ToListAsync(ct);
        List<string> Of(IdentityKind kind) => identities.Where(i => i.Kind == kind).Select(i => i.Value).Order(StringComparer.Ordinal).ToList();
        return new CustomerSnapshot(customer.Id, customer.Name, Of(IdentityKind.Email), Of(IdentityKind.Phone), Of(IdentityKind.Loyalty), Of(IdentityKind.Device));
    }

    /// <summary>
    /// A sign-in on a device makes it the customer's: the last sign-in wins on a shared device. Claimed like any identity,
    /// so two sign-ins racing on a new device cannot fail on the unique index; the one that commits last owns it.
    /// </summary>
    public async Task LinkDeviceAsync(Guid customerId, string deviceId, CancellationToken ct)
    {
        var device = db.Identities.Where(i => i.Kind == IdentityKind.Device && i.Value == deviceId);
        if (await device.ExecuteUpdateAsync(s => s.SetProperty(i => i.CustomerId, customerId), ct) > 0) return;
        await ClaimAsync((IdentityKind.Device, deviceId), customerId, clock.GetUtcNow().UtcDateTime, ct);
        await device.ExecuteUpdateAsync(s => s.SetProperty(i => i.CustomerId, customerId), ct);
    }

    /// <summary>The live profile <paramref name="id"/> stands for (following merges); null when unknown or erased.</summary>
    public static async Task<Customer?> LiveAsync(CustomersDbContext db, Guid id, CancellationToken ct) =>
        await SurvivorAsync(db, id, ct) is { ErasedAt: null } customer ? customer : null;

    /// <summary>The profile <paramref name="id"/> ended up as after merges, erased or not; null when unknown.</summary>
    public static async Task<Customer?> SurvivorAsync(CustomersDbContext db, Guid id, CancellationToken ct)
    {
        for (var hop = 0; hop < MaxMergeHops; hop++)
        {
            var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
            if (customer?.MergedInto is not { } into) return customer;
            id = into;
        }
        return null;
    }

    /// <summary>Normalized identities, strongest first: a loyalty card is issued to one person; an e-mail or phone may be shared.</summary>
    public static List<(IdentityKind Kind, string Value)> Keys(CustomerIdentities identities, string? defaultRegion)
    {
        var keys = new List<(IdentityKind, string)>();
        if (Identities.Token(identities.LoyaltyId) is { } loyalty) keys.Add((IdentityKind.Loyalty, loyalty));
        if (Identities.Email(identities.Email) is { } email) keys.Add((IdentityKind.Email, email));
        if (Identities.Phone(identities.Phone, defaultRegion) is { } phone) keys.Add((IdentityKind.Phone, phone));
        foreach (var device in identities.DeviceIds ?? [])
            if (Identities.Token(device) is { } id) keys.Add((IdentityKind.Device, id));
        return keys.Distinct().ToList();
    }

    private async Task<CustomerResolution> ResolveInTransactionAsync(List<(IdentityKind Kind, string Value)> keys, string? name, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var owners = await OwnersAsync(keys, ct);
        var existing = Strongest(keys, owners, except: null);
        var id = existing ?? Guid.CreateVersion7();
        foreach (var key in keys.Where(k => !owners.ContainsKey(k))) await ClaimAsync(key, id, now, ct);

        if (existing is null)
        {
            // A concurrent request may have claimed one of these identities first: then it created the profile, join it.
            if (Strongest(keys, await OwnersAsync(keys, ct), except: id) is { } winner)
            {
                await db.Identities.Where(i => i.CustomerId == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.CustomerId, winner), ct);
                return new CustomerResolution(winner, Created: false);
            }
            db.Customers.Add(new Customer { Id = id, Name = Clean(name), CreatedAt = now, UpdatedAt = now });
            await db.SaveChangesAsync(ct);
            return new CustomerResolution(id, Created: true);
        }
        if (Clean(name) is { } known)
            await db.Customers.Where(c => c.Id == id && c.Name == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, known).SetProperty(c => c.UpdatedAt, now), ct);
        return new CustomerResolution(id, Created: false);
    }

    private static string? Clean(string? name) => string.IsNullOrWhiteSpace(name) ? null : name.Trim()[..Math.Min(name.Trim().Length, 200)];

    private static Guid? Strongest(List<(IdentityKind Kind, string Value)> keys, Dictionary<(IdentityKind, string), Guid> owners, Guid? except)
    {
        foreach (var key in keys)
            if (owners.TryGetValue(key, out var owner) && owner != except) return owner;
        return null;
    }

    private async Task<Dictionary<(IdentityKind, string), Guid>> OwnersAsync(List<(IdentityKind Kind, string Value)> keys, CancellationToken ct)
    {
        var values = keys.Select(k => k.Value).Distinct().ToList();
        var rows = await db.Identities.AsNoTracking().Where(i => values.Contains(i.Value))
            .Select(i => new { i.Kind, i.Value, i.CustomerId }).ToListAsync(ct);
        return rows.Where(r => keys.Contains((r.Kind, r.Value))).ToDictionary(r => (r.Kind, r.Value), r => r.CustomerId);
    }

    private async Task ClaimAsync((IdentityKind Kind, string Value) key, Guid customerId, DateTime at, CancellationToken ct)
    {
        await using var command = await db.Database.CommandAsync(
            """
            INSERT INTO customers_identities (id, customer_id, kind, value, created_at) VALUES (@id, @customer, @kind, @value, @at)
            ON CONFLICT (kind, value) DO NOTHING
            """, ct,
            ("@id", db.Database.Id(Guid.CreateVersion7())), ("@customer", db.Database.Id(customerId)),
            ("@kind", key.Kind.ToString()), ("@value", key.Value), ("@at", at));
        await command.ExecuteNonQueryAsync(ct);
    }
}
