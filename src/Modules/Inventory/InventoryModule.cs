using Omni.Common.Data;
using Omni.Contracts.Inventory;
using Omni.Inventory.Data;
using Omni.Inventory.Data.Migrations.Postgres;
using Omni.Inventory.Data.Migrations.Sqlite;
using Omni.Inventory.Features;
using Omni.Inventory.Stock;

namespace Omni.Inventory;

public static class InventoryModule
{
    public const string Name = "inventory";

    public static IServiceCollection AddInventory(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddModuleDbContext<InventoryDbContext, InventorySqliteDbContext, InventoryPostgresDbContext>(database, Name);
        services.AddSingleton<StockView>();
        services.AddHostedService<StockViewFeeder>();
        services.AddScoped<PositionSql>();
        services.AddScoped<InventoryChanges>();
        services.AddScoped<StockTarget>();
        services.AddScoped<IStockLevels, StockLevels>();
        services.AddScoped<StockReservations>();
        services.AddScoped<IStockReservations>(sp => sp.GetRequiredService<StockReservations>());
        services.AddSingleton<HoldExpiry>();
        services.AddHostedService(sp => sp.GetRequiredService<HoldExpiry>());
        services.AddScoped<IStockFacts, StockFacts>();
        services.AddScoped<IStockSnapshots, StockSnapshots>();
        services.AddScoped<IStockBins, StockBins>();
        return services;
    }

    public static IEndpointRouteBuilder MapInventory(this IEndpointRouteBuilder api)
    {
        var inventory = api.MapGroup("/inventory").WithTags("Inventory");
        SetStockCount.Map(inventory);
        RecordMovement.Map(inventory);
        GetStockPosition.Map(inventory);
        SetBin.Map(inventory);
        ListPositions.Map(inventory);
        ListMovements.Map(inventory);
        GetStockOuts.Map(inventory);
        ApplySnapshot.Map(inventory);
        GetAvailability.Map(api);
        return api;
    }
}
