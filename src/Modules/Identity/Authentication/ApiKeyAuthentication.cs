using Microsoft.AspNetCore.Authorization;
using Omni.Contracts.Identity;

namespace Omni.Identity.Authentication;

internal static class ApiKeyAuthentication
{
    public const string Scheme = "ApiKey";

    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyUsage>();
        services.AddSingleton<ApiKeyCache>();
        services.AddHostedService<ApiKeyUsageRecorder>();
        services.AddTransient<ApiKeyAuthenticationHandler>();
        services.AddAuthentication(o =>
        {
            o.AddScheme<ApiKeyAuthenticationHandler>(Scheme, displayName: "API key");
            o.DefaultScheme = Scheme;
        });
        services.AddAuthorization(o =>
        {
            // The host requires the default policy on /api/v1: any valid key may read.
            o.DefaultPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            foreach (var scope in Scopes.All)
                o.AddPolicy(Scopes.Policy(scope), p => p.RequireAuthenticatedUser().RequireClaim(Scopes.ClaimType, scope, Scopes.Admin));
        });
        return services;
    }
}
