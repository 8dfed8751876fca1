using Microsoft.AspNetCore.Identity;
using Omni.Contracts.Identity;
using Omni.Contracts.Locations;

namespace Omni.Identity.Users;

/// <summary>Creates people's accounts with the rule Identity cannot know: store staff name an existing store, nobody else does.</summary>
public sealed class UserAccounts(UserManager<OmniUser> users, ILocationDirectory locations)
{
    public async Task<IdentityResult> CreateAsync(string email, string displayName, string role, string? storeCode, string password, CancellationToken ct)
    {
        if (!Roles.All.Contains(role)) return Failed("unknown_role", $"'{role}' is not a role.");
        if (Roles.IsStoreBound(role) != (storeCode is not null))
            return Failed("store_binding", Roles.IsStoreBound(role) ? "Associates and store managers need a store." : "Only store staff are bound to a store.");
        var store = storeCode?.Trim().ToUpperInvariant();
        if (store is not null && !(await locations.AllAsync(ct)).TryGetValue(store, out var location))
            return Failed("unknown_store", $"Location '{storeCode}' does not exist.");
        var user = new OmniUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, Role = role, StoreCode = store };
        return await users.CreateAsync(user, password);
    }

    private static IdentityResult Failed(string code, string description) => IdentityResult.Failed(new IdentityError { Code = code, Description = description });
}
