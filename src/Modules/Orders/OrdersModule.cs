using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Omni.Common.Data;

namespace Omni.Orders;

public static class OrdersModule
{
    public const string Name = "orders";

    public static IServiceCollection AddOrders(this IServiceCollection services, DatabaseOptions database)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapOrders(this IEndpointRouteBuilder api)
    {
        return api;
    }
}
