using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Omni.Identity.Data;
using Omni.Identity.Domain;

namespace Omni.Identity.Authentication;

/// <summary>
/// <c>Authorization: Bearer &lt;key&gt;</c>. Implemented on <see cref="IAuthenticationHandler"/> directly rather than the
/// AuthenticationHandler base: this runs on every request, and a cache hit should cost a hash and a dictionary lookup.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(ApiKeyCache cache, TimeProvider clock) : IAuthenticationHandler
{
    private static readonly Task<AuthenticateResult> NoKey = Task.FromResult(AuthenticateResult.NoResult());
    private static readonly Task<AuthenticateResult> Malformed =
        Task.FromResult(AuthenticateResult.Fail("The Authorization header must be 'Bearer <api key>'."));

    private HttpContext _http = null!;
    private Task<AuthenticateResult>? _result;

    public Task InitializeAsync(AuthenticationScheme scheme, HttpContext context)
    {
        _http = context;
        return Task.CompletedTask;
    }

    public Task<AuthenticateResult> AuthenticateAsync() => _result ??= Authenticate();

    private Task<AuthenticateResult> Authenticate()
    {
        var header = _http.Request.Headers.Authorization;
        if (header.Count == 0) return NoKey;
        if (header.Count > 1) return Malformed;

        var value = header[0].AsSpan();
        const string bearer = "Bearer ";
        if (!value.StartsWith(bearer, StringComparison.OrdinalIgnoreCase)) return NoKey;
        var key = value[bearer.Length..].Trim();

        Span<char> hash = stackalloc char[ApiKeySecret.HashLength];
        if (!ApiKeySecret.TryHash(key, hash)) return Malformed;

        if (cache.TryGet(hash, out var cached))
        {
            if (cached.IsFresh(cache.Now) || !cached.TryClaimRefresh())
            {
                cached.Usage?.Touch(clock.GetUtcNow().UtcDateTime);
                return cached.Result;
            }
            return RefreshAsync(new string(hash), cached);
        }
        return RefreshAsync(new string(hash), null);
    }

    private async Task<AuthenticateResult> RefreshAsync(string hash, CachedKey? stale)
    {
        try
        {
            var db = _http.RequestServices.GetRequiredService<IdentityDbContext>();
            var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Hash == hash, _http.RequestAborted);
            var entry = cache.Remember(hash, key);
            entry.Usage?.Touch(clock.GetUtcNow().UtcDateTime);
            return await entry.Result;
        }
        finally
        {
            stale?.ReleaseRefresh();
        }
    }

    public Task ChallengeAsync(AuthenticationProperties? properties)
    {
        var failure = _result is { IsCompletedSuccessfully: true, Result.Failure: not null };
        _http.Response.Headers.WWWAuthenticate = failure ? "Bearer error=\"invalid_token\"" : "Bearer";
        return AuthProblems.WriteAsync(_http, StatusCodes.Status401Unauthorized, "unauthorized",
            failure ? "The API key is unknown, revoked or malformed." : "This endpoint needs an API key: 'Authorization: Bearer <key>'.");
    }

    public Task ForbidAsync(AuthenticationProperties? properties) =>
        AuthProblems.WriteAsync(_http, StatusCodes.Status403Forbidden, "forbidden", "The API key does not have the scope this endpoint needs.");
}
