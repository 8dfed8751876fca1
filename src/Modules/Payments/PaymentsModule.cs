using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Omni.Common.Data;
using Omni.Common.Events.Subscriptions;
using Omni.Contracts.Identity;
using Omni.Contracts.Payments;
using Omni.Payments.Data;
using Omni.Payments.Data.Migrations.Postgres;
using Omni.Payments.Data.Migrations.Sqlite;
using Omni.Payments.Features;
using Omni.Payments.Providers;
using Omni.Payments.Subscriptions;

namespace Omni.Payments;

public static class PaymentsModule
{
    public const string Name = "payments";

    public static IServiceCollection AddPayments(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddModuleDbContext<PaymentsDbContext, PaymentsSqliteDbContext, PaymentsPostgresDbContext>(database, Name);
        services.AddOptions<SimulatedProviderOptions>().BindConfiguration(SimulatedProviderOptions.Section);
        services.AddSingleton<IPaymentProvider, SimulatedProvider>();
        services.AddScoped<PaymentLedger>();
        services.AddScoped<IPayments>(sp => sp.GetRequiredService<PaymentLedger>());
        services.AddEventSubscriber<WhenOrderFulfilledOrReleased>(WhenOrderFulfilledOrReleased.Name);
        return services;
    }

    public static IEndpointRouteBuilder MapPayments(this IEndpointRouteBuilder api)
    {
        var orders = api.MapGroup("/orders").WithTags("Payments");
        GetOrderPayment.Map(orders);
        RefundPayment.Map(orders).RequireAuthorization(Scopes.Policy(Scopes.Payments));

        var credits = api.MapGroup("/store-credits").WithTags("Payments");
        GetStoreCredit.Map(credits);
        return api;
    }
}
