using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Omni.Contracts.Identity;
using Omni.Contracts.Locations;
using Omni.Identity.Data;
using Omni.Identity.Domain;

namespace Omni.Identity.Users;

/// <summary>A person's account as the console lists it: never the password hash or security stamps.</summary>
public sealed record UserSummary(Guid Id, string Email, string DisplayName, string Role, string? StoreCode, DateTimeOffset? LockedUntil, int FailedSignIns);

/// <summary>A page of accounts; <see cref="Next"/> is the cursor of the following page, if any.</summary>
public sealed record UserPage(IReadOnlyList<UserSummary> Items, string? Next);

/// <summary>Creates people's accounts with the rule Identity cannot know: store staff name an existing store, nobody else does.</summary>
public sealed class UserAccounts(UserManager<OmniUser> users, ILocationDirectory locations)
{
    /// <summary>Creates an account without an acting person: self-registration on the storefront and demo seeding.</summary>
    public async Task<IdentityResult> CreateAsync(string email, string displayName, string role, string? storeCode, string password, CancellationToken ct)
    {
        var (user, failed) = await NewUserAsync(locations, email, displayName, role, storeCode, ct);
        return failed ?? await users.CreateAsync(user!, password);
    }

    internal static async Task<(OmniUser? User, IdentityResult? Failed)> NewUserAsync(ILocationDirectory locations, string email, string displayName, string role,
        string? storeCode, CancellationToken ct)
    {
        var (store, failed) = await StoreForAsync(locations, role, storeCode, ct);
        if (failed is not null) return (null, failed);
        return (new OmniUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, Role = role, StoreCode = store }, null);
    }

    internal static async Task<(string? Store, IdentityResult? Failed)> StoreForAsync(ILocationDirectory locations, string role, string? storeCode, CancellationToken ct)
    {
        if (!Roles.All.Contains(role)) return (null, Failed("unknown_role", $"'{role}' is not a role."));
        var store = string.IsNullOrWhiteSpace(storeCode) ? null : storeCode.Trim().ToUpperInvariant();
        if (Roles.IsStoreBound(role) != (store is not null))
            return (null, Failed("store_binding", Roles.IsStoreBound(role) ? "Associates and store managers need a store." : "Only store staff are bound to a store."));
        if (store is not null && !(await locations.AllAsync(ct)).ContainsKey(store))
            return (null, Failed("unknown_store", $"Location '{storeCode}' does not exist."));
        return (store, null);
    }

    internal static IdentityResult Failed(string code, string description) => IdentityResult.Failed(new IdentityError { Code = code, Description = description });
}

/// <summary>
/// The console's management of people's accounts, on behalf of a signed-in person: only admins create or manage managers and admins or change anyone's role; nobody locks themselves out. Every change
/// made by someone is written to <c>identity_audit</c> in the same save.
/// </summary>
internal sealed class UserAdministration(UserManager<OmniUser> users, ILocationDirectory locations, IdentityDbContext db, TimeProvider clock)
{
    /// <summary>Creates an account on behalf of <paramref name="by"/> (the console), audited.</summary>
    public async Task<IdentityResult> CreateAsync(ClaimsPrincipal by, string email, string displayName, string role, string? storeCode, string password, CancellationToken ct)
    {
        if (!MayManage(by, role)) return Forbidden(role);
        if (string.IsNullOrWhiteSpace(displayName)) return Failed("name_required", "A name is required: it greets the person in the apps.");
        var (user, failed) = await UserAccounts.NewUserAsync(locations, email, displayName, role, storeCode, ct);
        if (failed is not null) return failed;
        var entry = Audit(by, IdentityAuditKinds.UserCreated, user!, $"created as {Describe(role, user!.StoreCode)}");
        var result = await users.CreateAsync(user!, password);
        if (!result.Succeeded) db.Entry(entry).State = EntityState.Detached;
        return result;
    }

    /// <summary>Accounts by e-mail, filtered by role and by a piece of the e-mail or name.</summary>
    public async Task<UserPage> ListAsync(string? role, string? search, string? after, int take, CancellationToken ct)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(role)) query = query.Where(u => u.Role == role);
        if (!string.IsNullOrWhiteSpace(search))
        {
            // Like over lower case: the same on SQLite and PostgreSQL (whose LIKE is case-sensitive).
            var pattern = "%" + search.Trim().ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(u => EF.Functions.Like(u.Email!.ToLower(), pattern, "\\") || EF.Functions.Like(u.DisplayName.ToLower(), pattern, "\\"));
        }
        if (!string.IsNullOrEmpty(after)) query = query.Where(u => string.Compare(u.NormalizedEmail, after) > 0);
        var page = await query.OrderBy(u => u.NormalizedEmail).Take(take + 1).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var items = page.Take(take).Select(u => new UserSummary(u.Id, u.Email!, u.DisplayName, u.Role, u.StoreCode,
            u.LockoutEnd is { } end && end > now ? end : null, u.AccessFailedCount)).ToList();
        return new UserPage(items, page.Count > take ? page[take - 1].NormalizedEmail : null);
    }

    /// <summary>Gives a person another role and store. Admins only: a role decides what someone may see and change.</summary>
    public async Task<IdentityResult> ChangeRoleAsync(ClaimsPrincipal by, Guid id, string role, string? storeCode, CancellationToken ct)
    {
        if (!by.IsInRole(Roles.Admin)) return Failed("admins_only", "Only an admin changes roles and stores.");
        if (await users.FindByIdAsync(id.ToString()) is not { } user) return Failed("unknown_user", $"User '{id}' does not exist.");
        if (IsSelf(by, user)) return Failed("own_account", "Nobody changes their own role: ask another admin.");
        var (store, failed) = await UserAccounts.StoreForAsync(locations, role, storeCode, ct);
        if (failed is not null) return failed;
        if (user.Role == role && user.StoreCode == store) return IdentityResult.Success;

        var before = Describe(user.Role, user.StoreCode);
        user.Role = role;
        user.StoreCode = store;
        Audit(by, IdentityAuditKinds.UserRoleChanged, user, $"{before} → {Describe(role, store)}");
        // A new security stamp signs the person out everywhere: their cookie still carries the old role.
        return await users.UpdateSecurityStampAsync(user);
    }

    /// <summary>Locks an account until unlocked (and signs it out everywhere), or unlocks it and forgets failed sign-ins.</summary>
    public async Task<IdentityResult> SetLockedAsync(ClaimsPrincipal by, Guid id, bool locked, CancellationToken ct)
    {
        if (await users.FindByIdAsync(id.ToString()) is not { } user) return Failed("unknown_user", $"User '{id}' does not exist.");
        if (!MayManage(by, user.Role)) return Forbidden(user.Role);
        if (locked && IsSelf(by, user)) return Failed("own_account", "Nobody locks their own account.");

        Audit(by, locked ? IdentityAuditKinds.UserLocked : IdentityAuditKinds.UserUnlocked, user, locked ? "locked until unlocked" : "unlocked");
        user.AccessFailedCount = 0;
        if (locked)
        {
            user.LockoutEnabled = true;
            user.LockoutEnd = DateTimeOffset.MaxValue;
            return await users.UpdateSecurityStampAsync(user);
        }
        user.LockoutEnd = null;
        return await users.UpdateAsync(user);
    }

    /// <summary>Managers run the stores' staff and shoppers; the accounts that run the console are an admin's to manage.</summary>
    private static bool MayManage(ClaimsPrincipal by, string role) =>
        by.IsInRole(Roles.Admin) || (by.IsInRole(Roles.OmnichannelManager) && role is Roles.Customer or Roles.Associate or Roles.StoreManager);

    private static bool IsSelf(ClaimsPrincipal by, OmniUser user) => by.FindFirstValue(ClaimTypes.NameIdentifier) == user.Id.ToString();

    private IdentityAuditEntry Audit(ClaimsPrincipal by, string kind, OmniUser user, string detail)
    {
        var entry = new IdentityAuditEntry { At = clock.GetUtcNow().UtcDateTime, Actor = by.Actor(), Kind = kind, Subject = user.Email!, Detail = detail };
        db.Audit.Add(entry);
        return entry;
    }

    private static string Describe(string role, string? store) => store is null ? role : $"{role} at {store}";

    private static IdentityResult Forbidden(string role) => Failed("admins_only", $"Only an admin manages {role} accounts.");

    private static IdentityResult Failed(string code, string description) => UserAccounts.Failed(code, description);
}
