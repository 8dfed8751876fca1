using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Omni.Common.Data;

namespace Omni.Locations;

public static class LocationsModule
{
    public const string Name = "locations";

    public static IServiceCollection AddLocations(this IServiceCollection services, DatabaseOptions database)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapLocations(this IEndpointRouteBuilder api)
    {
        return api;
    }
}
