using Microsoft.AspNetCore.Hosting;
using Omni.IntegrationTests.Infrastructure;

namespace Omni.IntegrationTests.Payments;

/// <summary>The simulated provider declines authorizations above 1,000 (any currency) on these fixtures.</summary>
internal static class PaymentSettings
{
    public const decimal DeclineAbove = 1000m;

    public static void Apply(IWebHostBuilder builder) =>
        builder.UseSetting("Omni:Payments:Simulated:DeclineAbove", DeclineAbove.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

public sealed class PaymentSqliteOmni : SqliteOmni
{
    protected override void ConfigureSettings(IWebHostBuilder builder) => PaymentSettings.Apply(builder);
}

public sealed class PaymentPostgresOmni : PostgresOmni
{
    protected override void ConfigureSettings(IWebHostBuilder builder) => PaymentSettings.Apply(builder);
}
