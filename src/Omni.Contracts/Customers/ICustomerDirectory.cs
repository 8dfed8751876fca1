namespace Omni.Contracts.Customers;

/// <summary>What a channel knows about a shopper; any of it may be missing. Values are normalized by the directory.</summary>
/// <param name="Email">E-mail address (compared lower-cased).</param>
/// <param name="Phone">Phone number, international or national (compared in E.164).</param>
/// <param name="LoyaltyId">Loyalty card or member number.</param>
/// <param name="DeviceIds">Devices the shopper is signed in on (app installs, browser ids).</param>
/// <param name="Name">Display name, kept when a profile is created or has none yet; never used to match.</param>
public sealed record CustomerIdentities(string? Email = null, string? Phone = null, string? LoyaltyId = null,
    IReadOnlyList<string>? DeviceIds = null, string? Name = null);

/// <summary>The profile a set of identities resolved to.</summary>
/// <param name="CustomerId">The one profile of the person.</param>
/// <param name="Created">True when no profile matched and this call created one.</param>
public sealed record CustomerResolution(Guid CustomerId, bool Created);

/// <summary>What other modules may know of a customer profile.</summary>
/// <param name="Id">Profile id; after a merge, the surviving profile's id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Emails">E-mail addresses, lower-cased.</param>
/// <param name="Phones">Phone numbers in E.164.</param>
/// <param name="LoyaltyIds">Loyalty ids.</param>
/// <param name="DeviceIds">Linked devices.</param>
public sealed record CustomerSnapshot(Guid Id, string? Name, IReadOnlyList<string> Emails, IReadOnlyList<string> Phones,
    IReadOnlyList<string> LoyaltyIds, IReadOnlyList<string> DeviceIds);

/// <summary>
/// One profile per person across channels. Runs on the caller's connection and, when one is open, its transaction
/// (<c>DbSession</c>); otherwise it opens its own. Safe under concurrency: many callers resolving the same new
/// identity at once get one profile.
/// </summary>
public interface ICustomerDirectory
{
    /// <summary>
    /// Finds the profile any of the identities belongs to, or creates one; identities not yet known are attached to it.
    /// When identities point at different profiles, the strongest wins (loyalty id, then e-mail, phone, device) and the
    /// others are left alone: only an explicit merge joins two profiles. Throws <c>ArgumentException</c> when no identity
    /// is usable.
    /// </summary>
    Task<CustomerResolution> ResolveAsync(CustomerIdentities identities, CancellationToken ct);

    /// <summary>The profile, following merges to the surviving one; null when unknown or erased.</summary>
    Task<CustomerSnapshot?> FindAsync(Guid customerId, CancellationToken ct);
}
