using Omni.Carts.Data;
using Omni.Carts.Data.Migrations.Postgres;
using Omni.Carts.Data.Migrations.Sqlite;
using Omni.Carts.Features;
using Omni.Common.Data;
using Omni.Contracts.Carts;
using Omni.Contracts.Identity;

namespace Omni.Carts;

public static class CartsModule
{
    public const string Name = "carts";

    public static IServiceCollection AddCarts(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddModuleDbContext<CartsDbContext, CartsSqliteDbContext, CartsPostgresDbContext>(database, Name);
        services.AddScoped<CartAccess>();
        services.AddScoped<CartView>();
        services.AddScoped<ICustomerCarts, CustomerCarts>();
        return services;
    }

    public static IEndpointRouteBuilder MapCarts(this IEndpointRouteBuilder api)
    {
        var carts = api.MapGroup("/carts").WithTags("Carts");
        var write = Scopes.Policy(Scopes.Orders);

        CreateCart.Map(carts).RequireAuthorization(write);
        GetCart.Map(carts);
        UpdateCart.Map(carts).RequireAuthorization(write);
        AddCartLine.Map(carts).RequireAuthorization(write);
        UpdateCartLine.Map(carts).RequireAuthorization(write);
        RemoveCartLine.Map(carts).RequireAuthorization(write);
        AssignCart.Map(carts).RequireAuthorization(write);
        CreateHandoff.Map(carts).RequireAuthorization(write);
        OpenHandoff.Map(carts);
        HoldCart.Map(carts).RequireAuthorization(write);
        CheckoutCart.Map(carts).RequireAuthorization(write);
        GetCustomerCart.Map(api);
        return api;
    }
}
