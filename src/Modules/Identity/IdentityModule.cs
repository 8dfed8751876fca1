using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Omni.Common.Data;

namespace Omni.Identity;

public static class IdentityModule
{
    public const string Name = "identity";

    public static IServiceCollection AddIdentity(this IServiceCollection services, DatabaseOptions database)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapIdentity(this IEndpointRouteBuilder api)
    {
        return api;
    }
}
