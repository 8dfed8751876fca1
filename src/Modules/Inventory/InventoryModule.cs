using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Omni.Common.Data;
using Omni.Inventory.Data;
using Omni.Inventory.Data.Migrations.Postgres;
using Omni.Inventory.Data.Migrations.Sqlite;

namespace Omni.Inventory;

public static class InventoryModule
{
    public const string Name = "inventory";

    public static IServiceCollection AddInventory(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddModuleDbContext<InventoryDbContext, InventorySqliteDbContext, InventoryPostgresDbContext>(database, Name);
        return services;
    }

    public static IEndpointRouteBuilder MapInventory(this IEndpointRouteBuilder api)
    {
        return api;
    }
}
