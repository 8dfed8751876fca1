using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Omni.IntegrationTests.Infrastructure;

namespace Omni.IntegrationTests.Fulfillment;

/// <summary>
/// The system clock moved forward by a test, days at a time (uncollected pickups expire after days). Timers and delays
/// stay real, so background workers keep running at their usual pace while "now" jumps ahead.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}

/// <summary>Fulfillment tests drive the clock and want the expiry worker to look often.</summary>
internal static class FulfillmentSettings
{
    public static void Apply(IWebHostBuilder builder, ShiftedClock clock)
    {
        builder.UseSetting("Omni:Fulfillment:ExpiryPollInterval", "00:00:00.100");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
    }
}

public sealed class FulfillmentSqliteOmni : SqliteOmni
{
    public ShiftedClock Clock { get; } = new();

    protected override void ConfigureSettings(IWebHostBuilder builder) => FulfillmentSettings.Apply(builder, Clock);
}

public sealed class FulfillmentPostgresOmni : PostgresOmni
{
    public ShiftedClock Clock { get; } = new();

    protected override void ConfigureSettings(IWebHostBuilder builder) => FulfillmentSettings.Apply(builder, Clock);
}
