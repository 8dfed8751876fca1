using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Omni.Common.Data;
using Omni.Common.Events.Subscriptions;
using Omni.Contracts.PersonalData;
using Omni.Notifications.Data;
using Omni.Notifications.Data.Migrations.Postgres;
using Omni.Notifications.Data.Migrations.Sqlite;
using Omni.Notifications.Sending;
using Omni.Notifications.Subscriptions;

namespace Omni.Notifications;

public static class NotificationsModule
{
    public const string Name = "notifications";

    /// <summary>E-mail and SMS to customers as their orders progress: files under the data directory, or SMTP when configured.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddModuleDbContext<NotificationsDbContext, NotificationsSqliteDbContext, NotificationsPostgresDbContext>(database, Name);
        services.AddScoped<IPersonalDataContributor, NotificationPersonalData>();
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section)
            .PostConfigure<IConfiguration>((o, configuration) =>
                o.Directory ??= Path.Combine(DataDirectory.From(configuration), "notifications"))
            .Validate(o => o.ReminderPollInterval > TimeSpan.Zero && o.ReminderLead > TimeSpan.Zero,
                $"{NotificationOptions.Section} needs a positive ReminderPollInterval and ReminderLead.")
            .ValidateOnStart();
        services.AddSingleton<IEmailSender>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<NotificationOptions>>().Value;
            return options.Smtp.Host is { Length: > 0 } ? new SmtpEmailSender(options.Smtp) : new EmlFileSender(options.Directory!, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<ISmsSender>(sp =>
            new SmsFileSender(sp.GetRequiredService<IOptions<NotificationOptions>>().Value.Directory!, sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<Notifier>();
        services.AddEventSubscriber<WhenOrderProgresses>(WhenOrderProgresses.Name);
        services.AddHostedService<PickupReminderJob>();
        return services;
    }
}
