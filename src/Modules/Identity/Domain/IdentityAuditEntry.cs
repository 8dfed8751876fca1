namespace Omni.Identity.Domain;

/// <summary>
/// Who changed a credential or an account, when, and what: API keys created and revoked, people's accounts created, locked,
/// unlocked, given another role or store. Written in the same save as the change.
/// </summary>
internal sealed class IdentityAuditEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public DateTime At { get; init; }
    public required string Actor { get; init; }
    public required string Kind { get; init; }
    public required string Subject { get; init; }
    public required string Detail { get; init; }
}

internal static class IdentityAuditKinds
{
    public const string ApiKeyCreated = "api_key.created";
    public const string ApiKeyRevoked = "api_key.revoked";
    public const string UserCreated = "user.created";
    public const string UserRoleChanged = "user.role_changed";
    public const string UserLocked = "user.locked";
    public const string UserUnlocked = "user.unlocked";

    public static readonly IReadOnlyList<string> All = [ApiKeyCreated, ApiKeyRevoked, UserCreated, UserRoleChanged, UserLocked, UserUnlocked];
}
