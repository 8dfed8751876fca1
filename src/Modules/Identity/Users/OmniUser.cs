using Microsoft.AspNetCore.Identity;

namespace Omni.Identity.Users;

/// <summary>
/// A person who signs in to the browser apps. A person has exactly one role and, for store staff, one store, so both are
/// columns here rather than rows in Identity's role tables: the sign-in turns them into role and store claims.
/// </summary>
public sealed class OmniUser : IdentityUser<Guid>
{
    public OmniUser() => Id = Guid.CreateVersion7();

    public required string DisplayName { get; set; }

    public required string Role { get; set; }

    /// <summary>The store an associate or store manager works in; null for everyone else.</summary>
    public string? StoreCode { get; set; }
}
