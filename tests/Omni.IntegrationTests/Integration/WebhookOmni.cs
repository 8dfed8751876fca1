using Microsoft.AspNetCore.Hosting;
using Omni.IntegrationTests.Infrastructure;

namespace Omni.IntegrationTests.Integration;

/// <summary>
/// A webhook schedule that fits a test: three attempts, retries after a tenth of a second. Set for the whole
/// fixture rather than per test, because every node on the database runs delivery workers: a second node with the
/// default schedule could claim a test's retry and wait minutes, or keep a delivery alive past the test's limit.
/// </summary>
internal static class WebhookSchedule
{
    public const int MaxAttempts = 3;

    public static void Apply(IWebHostBuilder builder)
    {
        builder.UseSetting("Omni:Webhooks:MaxAttempts", MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Omni:Webhooks:RetryDelays:0", "00:00:00.100");
        builder.UseSetting("Omni:Webhooks:RetryDelays:1", "00:00:00.200");
        builder.UseSetting("Omni:Webhooks:PollInterval", "00:00:00.050");
        builder.UseSetting("Omni:Webhooks:RequestTimeout", "00:00:05");
    }
}

public sealed class WebhookSqliteOmni : SqliteOmni
{
    protected override void ConfigureSettings(IWebHostBuilder builder) => WebhookSchedule.Apply(builder);
}

public sealed class WebhookPostgresOmni : PostgresOmni
{
    protected override void ConfigureSettings(IWebHostBuilder builder) => WebhookSchedule.Apply(builder);
}
