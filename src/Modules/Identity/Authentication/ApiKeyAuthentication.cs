using Microsoft.AspNetCore.Authorization;
using Omni.Contracts.Identity;

namespace Omni.Identity.Authentication;

internal static class ApiKeyAuthentication
{
    public const string Scheme = "ApiKey";

    /// <summary>Any valid key: what every <c>/api/v1</c> endpoint needs at least. Cookies do not count here.</summary>
    public const string AnyKeyPolicy = "api-key";

    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyUsage>();
        services.AddSingleton<ApiKeyCache>();
        services.AddHostedService<ApiKeyUsageRecorder>();
        services.AddTransient<ApiKeyAuthenticationHandler>();
        services.AddAuthentication(o => o.AddScheme<ApiKeyAuthenticationHandler>(Scheme, displayName: "API key"));
        services.AddAuthorization(o =>
        {
            // The host requires this policy on /api/v1: any valid key may read. Naming the scheme keeps a browser's
            // sign-in cookie out of the API even though the default scheme would accept it.
            o.AddPolicy(AnyKeyPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
            foreach (var scope in Scopes.All)
                o.AddPolicy(Scopes.Policy(scope), p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireClaim(Scopes.ClaimType, scope, Scopes.Admin));
        });
        return services;
    }
}
