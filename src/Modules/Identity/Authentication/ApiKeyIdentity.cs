using System.Security.Claims;
using Omni.Contracts.Identity;
using Omni.Identity.Domain;

namespace Omni.Identity.Authentication;

/// <summary>
/// The caller as seen by the rest of the request. Built once per key and cached, so it is shared by concurrent
/// requests: nothing may add claims to it (Omni registers no claims transformation).
/// </summary>
internal sealed class ApiKeyIdentity : ClaimsIdentity
{
    private ApiKeyIdentity(ApiKey key, IEnumerable<Claim> claims)
        : base(claims, ApiKeyAuthentication.Scheme, ClaimTypes.Name, ClaimTypes.Role)
    {
        KeyId = key.Id;
        Prefix = key.Prefix;
        PartitionKey = key.Id.ToString("N");
    }

    public Guid KeyId { get; }
    public string Prefix { get; }

    /// <summary>Rate limits count per key; precomputed so the limiter does not allocate per request.</summary>
    public string PartitionKey { get; }

    public static ClaimsPrincipal PrincipalFor(ApiKey key)
    {
        var claims = new List<Claim>(key.Scopes.Length + 2)
        {
            new(ClaimTypes.Name, string.IsNullOrWhiteSpace(key.Name) ? $"key:{key.Prefix}" : key.Name),
            new(ClaimTypes.NameIdentifier, key.Id.ToString()),
        };
        foreach (var scope in key.Scopes) claims.Add(new Claim(Scopes.ClaimType, scope));
        if (key.StoreCode is { } store) claims.Add(new Claim(Scopes.StoreClaimType, store));
        return new ClaimsPrincipal(new ApiKeyIdentity(key, claims));
    }
}
