using Omni.Common.Data;
using Omni.Contracts.Identity;
using Omni.Orders.Data;
using Omni.Orders.Data.Migrations.Postgres;
using Omni.Orders.Data.Migrations.Sqlite;
using Omni.Orders.Features;
using Omni.Orders.Features.Sourcing;

namespace Omni.Orders;

public static class OrdersModule
{
    public const string Name = "orders";

    public static IServiceCollection AddOrders(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddModuleDbContext<OrdersDbContext, OrdersSqliteDbContext, OrdersPostgresDbContext>(database, Name);
        services.AddSingleton<SourcingSignals>();
        return services;
    }

    public static IEndpointRouteBuilder MapOrders(this IEndpointRouteBuilder api)
    {
        var orders = api.MapGroup("/orders").WithTags("Orders");
        PlaceOrder.Map(orders);
        GetOrder.Map(orders);
        ListOrders.Map(orders);
        CancelOrder.Map(orders);
        GetOrderSourcing.Map(orders);
        RecordStoreSale.Map(api);

        // Sourcing rules steer every order: editing them, and replaying orders under a proposal, needs the orders scope.
        var sourcing = api.MapGroup("/sourcing").WithTags("Sourcing");
        var manage = Scopes.Policy(Scopes.Orders);
        GetSourcingRules.Map(sourcing);
        ListSourcingRuleVersions.Map(sourcing);
        UpdateSourcingRules.Map(sourcing).RequireAuthorization(manage);
        SimulateSourcing.Map(sourcing).RequireAuthorization(manage);
        GetPromise.Map(api);
        return api;
    }
}
