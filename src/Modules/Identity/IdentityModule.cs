using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Omni.Common.Data;
using Omni.Contracts.Audit;
using Omni.Identity.Authentication;
using Omni.Identity.Data;
using Omni.Identity.Data.Migrations.Postgres;
using Omni.Identity.Data.Migrations.Sqlite;
using Omni.Identity.Features;
using Omni.Identity.Users;

namespace Omni.Identity;

public static class IdentityModule
{
    public const string Name = "identity";

    /// <summary>The authorization policy of <c>/api/v1</c>: any valid API key.</summary>
    public const string ApiPolicy = ApiKeyAuthentication.AnyKeyPolicy;

    /// <summary>API keys, the authentication scheme, a policy per scope, the per-key rate limiter, and people's cookie sign-in.</summary>
    public static IServiceCollection AddIdentity(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddModuleDbContext<IdentityDbContext, IdentitySqliteDbContext, IdentityPostgresDbContext>(database, Name);
        services.AddApiKeyAuthentication();
        services.AddApiKeyRateLimiting();
        services.AddHostedService<BootstrapAdminKey>();
        services.AddUserSignIn();
        services.AddScoped<IAuditSource, IdentityAudit>();
        return services;
    }

    public static IEndpointRouteBuilder MapIdentity(this IEndpointRouteBuilder api)
    {
        var keys = api.MapGroup("/api-keys").WithTags("API keys");
        CreateApiKey.Map(keys);
        ListApiKeys.Map(keys);
        GetCurrentApiKey.Map(keys);
        GetApiKey.Map(keys);
        RevokeApiKey.Map(keys);
        return api;
    }
}
