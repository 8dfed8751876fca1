using Omni.Common.Data;
using Omni.Contracts.Orders;
using Omni.Orders.Data;
using Omni.Orders.Data.Migrations.Postgres;
using Omni.Orders.Data.Migrations.Sqlite;
using Omni.Orders.Features;

namespace Omni.Orders;

public static class OrdersModule
{
    public const string Name = "orders";

    public static IServiceCollection AddOrders(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddModuleDbContext<OrdersDbContext, OrdersSqliteDbContext, OrdersPostgresDbContext>(database, Name);
        services.AddScoped<OrderPlacement>();
        services.AddScoped<IOrderPlacement>(sp => sp.GetRequiredService<OrderPlacement>());
        return services;
    }

    public static IEndpointRouteBuilder MapOrders(this IEndpointRouteBuilder api)
    {
        var orders = api.MapGroup("/orders").WithTags("Orders");
        PlaceOrder.Map(orders);
        GetOrder.Map(orders);
        ListOrders.Map(orders);
        CancelOrder.Map(orders);
        RecordStoreSale.Map(api);
        return api;
    }
}
