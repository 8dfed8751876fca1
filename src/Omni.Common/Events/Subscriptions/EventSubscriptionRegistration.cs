using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Omni.Common.Events.Subscriptions;

/// <summary>A named subscriber: the name keys its cursor, so renaming one replays history to it.</summary>
public sealed record EventSubscriberRegistration(string Name, Type Handler);

public static class EventSubscriptionRegistration
{
    public static IServiceCollection AddEventSubscriber<THandler>(this IServiceCollection services, string name)
        where THandler : class, IEventSubscriber
    {
        services.AddScoped<THandler>();
        services.AddSingleton(new EventSubscriberRegistration(name, typeof(THandler)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, EventSubscriptionRunner>());
        services.AddOptions<EventSubscriptionOptions>().BindConfiguration("Omni:Subscriptions");
        return services;
    }
}

public sealed class EventSubscriptionOptions
{
    /// <summary>How often an idle subscriber looks for new events.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How many times one event is retried before it is set aside as a failure and the subscriber moves on.</summary>
    public int MaxAttempts { get; set; } = 5;
}
