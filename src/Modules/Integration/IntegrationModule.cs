using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Omni.Common.Data;

namespace Omni.Integration;

public static class IntegrationModule
{
    public const string Name = "integration";

    public static IServiceCollection AddIntegration(this IServiceCollection services, DatabaseOptions database)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapIntegration(this IEndpointRouteBuilder api)
    {
        return api;
    }
}
