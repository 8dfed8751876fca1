using Omni.Identity.Domain;

namespace Omni.Identity.Features;

/// <summary>An API key as listed: never the secret, only its first characters.</summary>
public sealed record ApiKeyDetails(
    Guid Id, string Name, string Prefix, IReadOnlyList<string> Scopes, string? StoreCode,
    bool Active, DateTime CreatedAt, DateTime? RevokedAt, DateTime? LastUsedAt);

public sealed record ApiKeyList(IReadOnlyList<ApiKeyDetails> Items, string? Next);

internal static class ApiKeyMapping
{
    public static ApiKeyDetails ToDetails(this ApiKey key) =>
        new(key.Id, key.Name, key.Prefix, key.Scopes, key.StoreCode, key.IsActive, key.CreatedAt, key.RevokedAt, key.LastUsedAt);
}
