using Omni.Carts;
using Omni.Catalog;
using Omni.Common.Data;
using Omni.Customers;
using Omni.Identity;
using Omni.Integration;
using Omni.Inventory;
using Omni.Locations;
using Omni.Notifications;
using Omni.Orders;
using Omni.Payments;
using Omni.Pricing;
using Omni.Returns;

namespace Omni.Server;

/// <summary>The modules of the monolith, one line each. Integration first: it owns the events table the others write to.</summary>
internal static class Modules
{
    public static IServiceCollection AddOmniModules(this IServiceCollection services, DatabaseOptions database) => services
        .AddIntegration(database)
        .AddIdentity(database)
        .AddCatalog(database)
        .AddLocations(database)
        .AddInventory(database)
        .AddOrders(database)
        .AddPricing(database)
        .AddPayments(database)
        .AddCarts(database)
        .AddReturns(database)
        .AddNotifications(database)
        .AddCustomers(database);

    public static IEndpointRouteBuilder MapOmniModules(this IEndpointRouteBuilder api)
    {
        api.MapIntegration();
        api.MapIdentity();
        api.MapCatalog();
        api.MapLocations();
        api.MapInventory();
        api.MapOrders();
        api.MapPricing();
        api.MapPayments();
        api.MapCarts();
        api.MapReturns();
        api.MapCustomers();
        return api;
    }
}
