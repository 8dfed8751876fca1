using Omni.Common.Data;
using Omni.Contracts.Identity;
using Omni.Returns.Data;
using Omni.Returns.Data.Migrations.Postgres;
using Omni.Returns.Data.Migrations.Sqlite;
using Omni.Returns.Features;
using Omni.Returns.Features.Requests;

namespace Omni.Returns;

public static class ReturnsModule
{
    public const string Name = "returns";

    public static IServiceCollection AddReturns(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddModuleDbContext<ReturnsDbContext, ReturnsSqliteDbContext, ReturnsPostgresDbContext>(database, Name);
        services.AddScoped<ReturnedQuantities>();
        services.AddScoped<ReturnDesk>();
        return services;
    }

    public static IEndpointRouteBuilder MapReturns(this IEndpointRouteBuilder api)
    {
        var returns = api.MapGroup("/returns").WithTags("Returns");
        CreateReturn.Map(returns).RequireAuthorization(Scopes.Policy(Scopes.Orders));
        GetReturn.Map(returns);
        ListReturns.Map(returns);
        GetReturnPolicy.Map(returns);
        UpdateReturnPolicy.Map(returns).RequireAuthorization(Scopes.Policy(Scopes.Admin));

        var requests = returns.MapGroup("/requests");
        RequestReturn.Map(requests).RequireAuthorization(Scopes.Policy(Scopes.Orders));
        ListReturnRequests.Map(requests);
        GetReturnRequest.Map(requests);
        GetReturnRequestCodeImage.Map(requests);
        ReceiveReturnRequest.Map(requests).RequireAuthorization(Scopes.Policy(Scopes.Orders));
        CancelReturnRequest.Map(requests).RequireAuthorization(Scopes.Policy(Scopes.Orders));
        return api;
    }
}
