using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Omni.Common.Data;

namespace Omni.Catalog;

public static class CatalogModule
{
    public const string Name = "catalog";

    public static IServiceCollection AddCatalog(this IServiceCollection services, DatabaseOptions database)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapCatalog(this IEndpointRouteBuilder api)
    {
        return api;
    }
}
