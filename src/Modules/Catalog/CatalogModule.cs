using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Omni.Catalog.Data;
using Omni.Catalog.Data.Migrations.Postgres;
using Omni.Catalog.Data.Migrations.Sqlite;
using Omni.Catalog.Features;
using Omni.Common.Data;
using Omni.Contracts.Catalog;
using Omni.Contracts.Identity;

namespace Omni.Catalog;

public static class CatalogModule
{
    public const string Name = "catalog";

    public static IServiceCollection AddCatalog(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddModuleDbContext<CatalogDbContext, CatalogSqliteDbContext, CatalogPostgresDbContext>(database, Name);
        services.AddSingleton<VariantCache>();
        services.AddSingleton<ProductCache>();
        services.AddHostedService<ProductCacheFeeder>();
        services.AddScoped<ICatalogLookup, CatalogLookup>();
        services.AddScoped<ProductWriter>();
        services.AddScoped<ICatalogImport, CatalogImporter>();
        return services;
    }

    public static IEndpointRouteBuilder MapCatalog(this IEndpointRouteBuilder api)
    {
        var products = api.MapGroup("/products").WithTags("Catalog");
        var write = Scopes.Policy(Scopes.Catalog);

        ListProducts.Map(products);
        GetProduct.Map(products);
        CreateProduct.Map(products).RequireAuthorization(write);
        UpdateProduct.Map(products).RequireAuthorization(write);
        ImportProducts.Map(products).RequireAuthorization(write);
        return api;
    }
}
