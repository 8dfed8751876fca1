using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Omni.Common.Data;
using Omni.Integration.Data;
using Omni.Integration.Data.Migrations.Postgres;
using Omni.Integration.Data.Migrations.Sqlite;
using Omni.Integration.Dispatching;
using Omni.Integration.Features;
using Omni.Integration.Webhooks;

namespace Omni.Integration;

public static class IntegrationModule
{
    public const string Name = "integration";

    /// <summary>The events table every module writes to, the dispatcher that orders it, the public feed and webhooks.</summary>
    public static IServiceCollection AddIntegration(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddModuleDbContext<IntegrationDbContext, IntegrationSqliteDbContext, IntegrationPostgresDbContext>(database, Name);
        services.AddSingleton<EventHead>();
        services.AddHostedService<EventDispatcher>();
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section)
            .Validate(o => o.MaxAttempts > 0 && o.BatchSize > 0 && o.Lease > o.RequestTimeout && o.PollInterval > TimeSpan.Zero,
                $"{WebhookOptions.Section} needs positive MaxAttempts, BatchSize and PollInterval, and a Lease longer than RequestTimeout.")
            .ValidateOnStart();
        services.AddHttpClient(WebhookDeliveryWorker.HttpClientName)
            .ConfigureHttpClient((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.RequestTimeout);
        services.AddHostedService<WebhookFanout>();
        services.AddHostedService<WebhookDeliveryWorker>();
        return services;
    }

    public static IEndpointRouteBuilder MapIntegration(this IEndpointRouteBuilder api)
    {
        var events = api.MapGroup("/events").WithTags("Events");
        GetEvents.Map(events);
        StreamEvents.Map(events);

        var webhooks = api.MapGroup("/webhooks").WithTags("Webhooks");
        CreateWebhook.Map(webhooks);
        ListWebhooks.Map(webhooks);
        GetWebhook.Map(webhooks);
        DisableWebhook.Map(webhooks);
        ListWebhookDeliveries.Map(webhooks);
        ReplayWebhookDelivery.Map(webhooks);
        ReplayWebhook.Map(webhooks);
        return api;
    }
}
