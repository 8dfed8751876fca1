using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Omni.Identity.Domain;

namespace Omni.Identity.Authentication;

/// <summary>
/// Keys by hash, kept for a short time so authentication costs no database round trip on almost every request.
/// A revocation on this node forgets the key at once; on another node it takes effect when the entry expires.
/// Unknown keys are remembered too (briefly), so a client with a wrong key cannot make every request hit the database.
/// </summary>
internal sealed class ApiKeyCache
{
    public static readonly TimeSpan KnownKeyLifetime = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan UnknownKeyLifetime = TimeSpan.FromSeconds(5);
    private const int MaxUnknownKeys = 10_000;

    private static readonly Task<AuthenticateResult> Unknown =
        Task.FromResult(AuthenticateResult.Fail("The API key is unknown or revoked."));

    private readonly ConcurrentDictionary<string, CachedKey> _byHash = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CachedKey>.AlternateLookup<ReadOnlySpan<char>> _byHashSpan;
    private readonly TimeProvider _clock;
    private readonly ApiKeyUsage _usage;
    private int _unknownCount;

    public ApiKeyCache(TimeProvider clock, ApiKeyUsage usage)
    {
        _clock = clock;
        _usage = usage;
        _byHashSpan = _byHash.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool TryGet(ReadOnlySpan<char> hash, out CachedKey entry) => _byHashSpan.TryGetValue(hash, out entry!);

    public long Now => _clock.GetTimestamp();

    public CachedKey Remember(string hash, ApiKey? key)
    {
        CachedKey entry;
        if (key is { IsActive: true })
        {
            var ticket = new AuthenticationTicket(ApiKeyIdentity.PrincipalFor(key), ApiKeyAuthentication.Scheme);
            entry = new CachedKey(Task.FromResult(AuthenticateResult.Success(ticket)), _usage.SlotFor(key.Id), Expiry(KnownKeyLifetime));
        }
        else
        {
            // Bounded, because the set of wrong keys a client can send is not.
            if (Interlocked.Increment(ref _unknownCount) > MaxUnknownKeys) ForgetUnknown();
            entry = new CachedKey(Unknown, null, Expiry(UnknownKeyLifetime));
        }
        _byHash[hash] = entry;
        return entry;
    }

    public void Forget(string hash) => _byHash.TryRemove(hash, out _);

    private long Expiry(TimeSpan lifetime) => Now + (long)(lifetime.TotalSeconds * _clock.TimestampFrequency);

    private void ForgetUnknown()
    {
        foreach (var (hash, entry) in _byHash)
            if (entry.Usage is null) _byHash.TryRemove(hash, out _);
        Interlocked.Exchange(ref _unknownCount, 0);
    }
}

/// <summary>The cached outcome for one key: the completed task is handed out as is, so a cache hit allocates nothing.</summary>
internal sealed class CachedKey(Task<AuthenticateResult> result, ApiKeyUsage.Slot? usage, long expiresAt)
{
    private int _refreshing;

    public Task<AuthenticateResult> Result { get; } = result;
    public ApiKeyUsage.Slot? Usage { get; } = usage;

    public bool IsFresh(long now) => now < expiresAt;

    /// <summary>
    /// One request refreshes an expired entry while the others keep using it: at thousands of requests per second,
    /// an expiry must not send them all to the database at once.
    /// </summary>
    public bool TryClaimRefresh() => Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0;

    public void ReleaseRefresh() => Volatile.Write(ref _refreshing, 0);
}
