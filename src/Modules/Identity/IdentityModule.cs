using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Omni.Common.Data;
using Omni.Identity.Authentication;
using Omni.Identity.Data;
using Omni.Identity.Data.Migrations.Postgres;
using Omni.Identity.Data.Migrations.Sqlite;
using Omni.Identity.Features;

namespace Omni.Identity;

public static class IdentityModule
{
    public const string Name = "identity";

    /// <summary>API keys, the authentication scheme, a policy per scope and the per-key rate limiter.</summary>
    public static IServiceCollection AddIdentity(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddModuleDbContext<IdentityDbContext, IdentitySqliteDbContext, IdentityPostgresDbContext>(database, Name);
        services.AddApiKeyAuthentication();
        services.AddApiKeyRateLimiting();
        services.AddHostedService<BootstrapAdminKey>();
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
