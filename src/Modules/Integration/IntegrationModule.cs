using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Omni.Common.Data;
using Omni.Integration.Data;
using Omni.Integration.Data.Migrations.Postgres;
using Omni.Integration.Data.Migrations.Sqlite;
using Omni.Integration.Dispatching;
using Omni.Integration.Features;

namespace Omni.Integration;

public static class IntegrationModule
{
    public const string Name = "integration";

    /// <summary>The events table every module writes to, the dispatcher that orders it, and the public feed.</summary>
    public static IServiceCollection AddIntegration(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddModuleDbContext<IntegrationDbContext, IntegrationSqliteDbContext, IntegrationPostgresDbContext>(database, Name);
        services.AddSingleton<EventHead>();
        services.AddHostedService<EventDispatcher>();
        return services;
    }

    public static IEndpointRouteBuilder MapIntegration(this IEndpointRouteBuilder api)
    {
        var events = api.MapGroup("/events").WithTags("Events");
        GetEvents.Map(events);
        StreamEvents.Map(events);
        return api;
    }
}
