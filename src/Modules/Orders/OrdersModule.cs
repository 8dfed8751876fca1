using Omni.Common.Data;
using Omni.Contracts.Audit;
using Omni.Contracts.Orders;
using Omni.Contracts.PersonalData;
using Omni.Contracts.Identity;
using Omni.Common.Events.Subscriptions;
using Omni.Orders.Data;
using Omni.Orders.Data.Migrations.Postgres;
using Omni.Orders.Data.Migrations.Sqlite;
using Omni.Orders.Features;
using Omni.Orders.Features.Sourcing;
using Omni.Orders.Sourcing;
using Omni.Orders.Subscriptions;

namespace Omni.Orders;

public static class OrdersModule
{
    public const string Name = "orders";

    public static IServiceCollection AddOrders(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddModuleDbContext<OrdersDbContext, OrdersSqliteDbContext, OrdersPostgresDbContext>(database, Name);
        services.AddScoped<OrderPlacement>();
        services.AddScoped<IOrderPlacement>(sp => sp.GetRequiredService<OrderPlacement>());
        services.AddScoped<IOrderHistory, OrderHistory>();
        services.AddScoped<IPersonalDataContributor, OrderPersonalData>();
        services.AddSingleton<SourcingSignals>();
        services.AddScoped<FulfillmentWork>();
        services.AddScoped<Resourcing>();
        services.AddOptions<PickupExpiryOptions>().BindConfiguration(PickupExpiryOptions.Section)
            .Validate(o => o.ExpiryPollInterval > TimeSpan.Zero && o.ExpiryBatchSize > 0, $"{PickupExpiryOptions.Section} needs a positive ExpiryPollInterval and ExpiryBatchSize.");
        services.AddHostedService<ExpirePickups>();
        services.AddEventSubscriber<WhenInventoryOversold>(WhenInventoryOversold.Name);
        services.AddScoped<IOrderLookup, OrderLookup>();
        services.AddScoped<IAuditSource, SourcingAudit>();
        return services;
    }

    public static IEndpointRouteBuilder MapOrders(this IEndpointRouteBuilder api)
    {
        var orders = api.MapGroup("/orders").WithTags("Orders");
        PlaceOrder.Map(orders);
        GetOrder.Map(orders);
        ListOrders.Map(orders);
        GetOrderSummary.Map(orders);
        CancelOrder.Map(orders);
        GetOrderSourcing.Map(orders);
        ListOrderFulfillments.Map(orders);
        RecordStoreSale.Map(api);

        // Sourcing rules steer every order: editing them, and replaying orders under a proposal, needs the orders scope.
        var sourcing = api.MapGroup("/sourcing").WithTags("Sourcing");
        var manage = Scopes.Policy(Scopes.Orders);
        GetSourcingRules.Map(sourcing);
        ListSourcingRuleVersions.Map(sourcing);
        UpdateSourcingRules.Map(sourcing).RequireAuthorization(manage);
        SimulateSourcing.Map(sourcing).RequireAuthorization(manage);
        GetPromise.Map(api);

        var fulfillments = api.MapGroup("/fulfillments").WithTags("Fulfillment");
        GetFulfillmentBacklog.Map(fulfillments);
        GetFulfillment.Map(fulfillments);
        GetPickupCodeImage.Map(fulfillments);
        PickFulfillment.Map(fulfillments);
        PackFulfillment.Map(fulfillments);
        ShipFulfillment.Map(fulfillments);
        DeliverFulfillment.Map(fulfillments);
        ReadyForPickup.Map(fulfillments);
        CustomerArrived.Map(fulfillments);
        HandOverFulfillment.Map(fulfillments);
        ListStoreFulfillments.Map(api);
        return api;
    }
}
