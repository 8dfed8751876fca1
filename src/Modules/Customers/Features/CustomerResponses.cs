using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Omni.Contracts.Identity;
using Omni.Customers.Data;
using Omni.Customers.Domain;

namespace Omni.Customers.Features;

public sealed record CustomerProfile(Guid Id, string? Name, IReadOnlyList<string> Emails, IReadOnlyList<string> Phones,
    IReadOnlyList<string> LoyaltyIds, IReadOnlyList<string> DeviceIds, bool Masked, DateTime CreatedAt);

public sealed record InteractionView(Guid Id, string Type, string Channel, string DeviceId, DateTime OccurredAt, JsonElement? Payload);

public sealed record ConsentView(string Purpose, bool Granted, string Channel, DateTime OccurredAt, DateTime RecordedAt, string RecordedBy);

public sealed record TierView(string Name, long MinPoints);

public sealed record LoyaltySummary(long Balance, long Earned, TierView? Tier, TierView? NextTier, long? PointsToNextTier);

/// <summary>
/// Who sees what: a store-bound key (a till, an associate's tablet) sees contact data masked — enough to confirm with the
/// shopper at the counter, not to copy a customer list. Every unmasked read of personal data leaves an audit row.
/// </summary>
internal static class PersonalDataAccess
{
    public static bool MustMask(ClaimsPrincipal user) => user.BoundStore() is not null;

    public static void Audit(CustomersDbContext db, ClaimsPrincipal user, string action, Guid? customerId, string detail, DateTime at) =>
        db.Audit.Add(new AuditEntry { At = at, Actor = user.Actor(), Action = action, CustomerId = customerId, Detail = detail });

    public static async Task<CustomerProfile> ProfileAsync(CustomersDbContext db, Customer customer, bool mask, CancellationToken ct)
    {
        var identities = await db.Identities.AsNoTracking().Where(i => i.CustomerId == customer.Id).ToListAsync(ct);
        return Profile(customer, identities, mask);
    }

    public static CustomerProfile Profile(Customer customer, IReadOnlyList<CustomerIdentity> identities, bool mask)
    {
        List<string> Of(IdentityKind kind, Func<string, string> masking) => identities.Where(i => i.Kind == kind)
            .OrderBy(i => i.CreatedAt).Select(i => mask ? masking(i.Value) : i.Value).ToList();
        return new CustomerProfile(customer.Id, customer.Name, Of(IdentityKind.Email, Identities.MaskEmail), Of(IdentityKind.Phone, Identities.MaskPhone),
            Of(IdentityKind.Loyalty, v => v), Of(IdentityKind.Device, v => v), mask, customer.CreatedAt);
    }

    public static InteractionView View(Interaction i) => new(i.Id, i.Type, i.Channel, i.DeviceId, i.OccurredAt,
        i.Payload is null ? null : JsonDocument.Parse(i.Payload).RootElement.Clone());

    public static ConsentView View(ConsentEntry c) => new(Purposes.Name(c.Purpose), c.Granted, c.Channel, c.OccurredAt, c.RecordedAt, c.RecordedBy);

    /// <summary>Interactions of the profile, and the anonymous ones of its devices (browsing before sign-in joins at read time too).</summary>
    public static IQueryable<Interaction> InteractionsOf(CustomersDbContext db, Guid customerId, IReadOnlyList<string> devices) =>
        db.Interactions.AsNoTracking().Where(i => i.CustomerId == customerId || (i.CustomerId == null && devices.Contains(i.DeviceId)));
}

internal static class Purposes
{
    public static string Name(ConsentPurpose purpose) => purpose.ToString().ToLowerInvariant();
}
