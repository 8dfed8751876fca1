using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Omni.Common.Data;
using Omni.Common.Events.Subscriptions;
using Omni.Contracts.Audit;
using Omni.Contracts.Customers;
using Omni.Contracts.Identity;
using Omni.Contracts.PersonalData;
using Omni.Customers.Data;
using Omni.Customers.Data.Migrations.Postgres;
using Omni.Customers.Data.Migrations.Sqlite;
using Omni.Customers.Features;
using Omni.Customers.Interactions;
using Omni.Customers.Loyalty;
using Omni.Customers.Subscriptions;

namespace Omni.Customers;

public static class CustomersModule
{
    public const string Name = "customers";

    /// <summary>Profiles and identity resolution, interactions, consents, loyalty, and the GDPR requests that span every module.</summary>
    public static IServiceCollection AddCustomers(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddModuleDbContext<CustomersDbContext, CustomersSqliteDbContext, CustomersPostgresDbContext>(database, Name);
        services.AddOptions<CustomerOptions>().BindConfiguration(CustomerOptions.Section)
            .Validate(o => o.PointsPerCurrencyUnit >= 0 && o.PointValueMinor >= 0 && o.InteractionRetention > TimeSpan.Zero && o.PurgeInterval > TimeSpan.Zero,
                $"{CustomerOptions.Section} needs a non-negative PointsPerCurrencyUnit and a positive InteractionRetention and PurgeInterval.")
            .ValidateOnStart();
        services.AddScoped<CustomerDirectory>();
        services.AddScoped<ICustomerDirectory>(sp => sp.GetRequiredService<CustomerDirectory>());
        services.AddScoped<LoyaltyPoints>();
        services.AddScoped<ILoyaltyPoints>(sp => sp.GetRequiredService<LoyaltyPoints>());
        services.AddScoped<PurchaseRecorder>();
        // One subscriber for both, so a cancellation is never handled before the placement whose points it takes back.
        services.AddEventSubscriber<WhenOrderPlacedOrCancelled>("customers.order-placed");
        services.AddEventSubscriber<WhenReturnReceived>(WhenReturnReceived.Name);
        services.AddScoped<InteractionWriter>();
        services.AddScoped<IPersonalDataContributor, CustomerPersonalData>();
        services.AddScoped<IAuditSource, CustomerAudit>();
        services.AddSingleton<InteractionRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<InteractionRetention>());
        return services;
    }

    public static IEndpointRouteBuilder MapCustomers(this IEndpointRouteBuilder api)
    {
        var customers = api.MapGroup("/customers").WithTags("Customers");
        var write = Scopes.Policy(Scopes.Customers);

        ResolveCustomer.Map(customers).RequireAuthorization(write);
        SearchCustomers.Map(customers);
        GetCustomer.Map(customers);
        MergeCustomers.Map(customers).RequireAuthorization(write);
        LinkDevice.Map(customers).RequireAuthorization(write);
        RecordConsent.Map(customers).RequireAuthorization(write);
        GetConsents.Map(customers);
        GetLoyalty.Map(customers);
        GetAuditTrail.Map(customers).RequireAuthorization(Scopes.Policy(Scopes.Admin));
        ExportCustomer.Map(customers).RequireAuthorization(write);
        EraseCustomer.Map(customers).RequireAuthorization(write);
        RecordInteractions.Map(api).RequireAuthorization(write);
        return api;
    }
}
