namespace Omni.Identity.Domain;

/// <summary>
/// A credential for a system or person calling the API. Only the SHA-256 hash of the secret is kept: a leaked
/// database does not leak working keys. The prefix is the first characters of the key, to recognise it in lists.
/// </summary>
internal sealed class ApiKey
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; init; }
    public required string Prefix { get; init; }
    public required string Hash { get; init; }
    public required string[] Scopes { get; init; }
    public string? StoreCode { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? RevokedAt { get; private set; }
    public DateTime? LastUsedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    /// <summary>PostgreSQL keeps microseconds: what a write answers must equal what a later read returns.</summary>
    public static DateTime Now(TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % (TimeSpan.TicksPerMillisecond / 1000)));
    }

    /// <summary>Revoking twice keeps the first time: the key stopped working then.</summary>
    public void Revoke(DateTime at) => RevokedAt ??= at;
}
