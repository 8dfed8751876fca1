using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Omni.Common.Data;
using Omni.Contracts.Identity;
using Omni.Contracts.Locations;
using Omni.Locations.Data;
using Omni.Locations.Data.Migrations.Postgres;
using Omni.Locations.Data.Migrations.Sqlite;
using Omni.Locations.Features;

namespace Omni.Locations;

public static class LocationsModule
{
    public const string Name = "locations";

    public static IServiceCollection AddLocations(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddModuleDbContext<LocationsDbContext, LocationsSqliteDbContext, LocationsPostgresDbContext>(database, Name);
        services.AddSingleton<LocationDirectory>();
        services.AddSingleton<ILocationDirectory>(sp => sp.GetRequiredService<LocationDirectory>());
        services.AddScoped<LocationWriter>();
        services.AddScoped<ILocationImport, LocationImporter>();
        return services;
    }

    public static IEndpointRouteBuilder MapLocations(this IEndpointRouteBuilder api)
    {
        var locations = api.MapGroup("/locations").WithTags("Locations");
        var write = Scopes.Policy(Scopes.Catalog);

        ListLocations.Map(locations);
        GetLocation.Map(locations);
        CreateLocation.Map(locations).RequireAuthorization(write);
        UpdateLocation.Map(locations).RequireAuthorization(write);
        ImportLocations.Map(locations).RequireAuthorization(write);
        return api;
    }
}
