using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Omni.Common.Data;
using Omni.Common.Events.Subscriptions;
using Omni.Contracts.Locations;
using Omni.IntegrationTests.Infrastructure;

namespace Omni.IntegrationTests.Integration;

/// <summary>What the probe saw, per node: the location codes it handled, in order, and the failures it was told to raise.</summary>
public sealed class ProbeLog
{
    public ConcurrentQueue<string> Handled { get; } = new();
    public ConcurrentDictionary<string, int> FailuresLeft { get; } = new();
}

/// <summary>A subscriber that records which locations were created, failing on demand.</summary>
public sealed class ProbeSubscriber(ProbeLog log) : IEventSubscriber
{
    public IReadOnlyCollection<string> EventTypes { get; } = [LocationCreated.EventType];

    public Task HandleAsync(StoredEvent e, CancellationToken ct)
    {
        var code = e.Read<LocationCreated>().Code;
        if (log.FailuresLeft.TryGetValue(code, out var left) && left != 0)
        {
            log.FailuresLeft[code] = left - 1;
            throw new InvalidOperationException($"The probe was told to fail on {code}.");
        }
        log.Handled.Enqueue(code);
        return Task.CompletedTask;
    }
}

internal static class Probe
{
    public static void Apply(IWebHostBuilder builder)
    {
        builder.UseSetting("Omni:Subscriptions:PollInterval", "00:00:00.020");
        builder.UseSetting("Omni:Subscriptions:MaxAttempts", "3");
        builder.ConfigureTestServices(services => services.AddSingleton<ProbeLog>().AddEventSubscriber<ProbeSubscriber>("test.probe"));
    }
}

public sealed class ProbeSqliteOmni : SqliteOmni
{
    protected override void ConfigureSettings(IWebHostBuilder builder) => Probe.Apply(builder);
}

public sealed class ProbePostgresOmni : PostgresOmni
{
    protected override void ConfigureSettings(IWebHostBuilder builder) => Probe.Apply(builder);
}

public abstract class EventSubscriptionTests(OmniFactory omni)
{
    private readonly HttpClient _api = omni.Admin();
    private ProbeLog Log => omni.Services.GetRequiredService<ProbeLog>();

    private async Task<List<string>> CreateLocations(int count)
    {
        var codes = new List<string>();
        for (var i = 0; i < count; i++) codes.Add(await ApiSeed.Location(_api, "SUB"));
        return codes;
    }

    private List<string> HandledOf(IEnumerable<string> codes, ProbeLog? log = null)
    {
        var wanted = codes.ToHashSet();
        return (log ?? Log).Handled.Where(wanted.Contains).ToList();
    }

    [Fact]
    public async Task A_subscriber_gets_every_wanted_event_once_in_commit_order()
    {
        var codes = await CreateLocations(12);
        await omni.WaitForSubscribersAsync();
        Assert.Equal(codes, HandledOf(codes));
    }

    [Fact]
    public async Task A_failing_event_is_retried_and_holds_back_the_ones_after_it()
    {
        var first = await CreateLocations(2);
        await omni.WaitForSubscribersAsync();
        var flaky = OmniFactory.Unique("SUB");
        Log.FailuresLeft[flaky] = 2;
        await ApiSeed.LocationWithCode(_api, flaky);
        var after = await CreateLocations(3);

        await omni.WaitForSubscribersAsync();

        Assert.Equal([.. first, flaky, .. after], HandledOf([.. first, flaky, .. after]));
        Assert.Equal(0, Log.FailuresLeft[flaky]);
    }

    [Fact]
    public async Task An_event_that_keeps_failing_is_set_aside_and_the_subscriber_moves_on()
    {
        var poison = OmniFactory.Unique("SUB");
        Log.FailuresLeft[poison] = -1; // always
        await ApiSeed.LocationWithCode(_api, poison);
        var after = await CreateLocations(2);

        await omni.WaitForSubscribersAsync();

        Assert.Equal(after, HandledOf([poison, .. after]));
        var failures = await omni.InScope(async sp =>
        {
            var session = sp.GetRequiredService<DbSession>();
            await session.Connection.OpenAsync();
            await using var command = session.Connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM event_subscription_failures WHERE subscriber = 'test.probe' AND error LIKE '%" + poison + "%'";
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        });
        Assert.Equal(1, failures);
    }

    [Fact]
    public async Task Two_nodes_share_one_cursor_so_each_event_is_handled_once()
    {
        await using var second = omni.WithWebHostBuilder(_ => { });
        _ = second.Server;
        var secondLog = second.Services.GetRequiredService<ProbeLog>();
        var codes = new List<string>();
        var secondApi = second.CreateClient();
        secondApi.DefaultRequestHeaders.Authorization = new("Bearer", OmniFactory.AdminKey);
        for (var i = 0; i < 10; i++) codes.Add(await ApiSeed.Location(i % 2 == 0 ? _api : secondApi, "SUB"));

        await omni.WaitForSubscribersAsync();

        var both = HandledOf(codes).Concat(HandledOf(codes, secondLog)).ToList();
        Assert.Equal(codes.Order(), both.Order());
    }
}

public sealed class EventSubscriptionTests_Sqlite(ProbeSqliteOmni omni) : EventSubscriptionTests(omni), IClassFixture<ProbeSqliteOmni>;

public sealed class EventSubscriptionTests_Postgres(ProbePostgresOmni omni) : EventSubscriptionTests(omni), IClassFixture<ProbePostgresOmni>;
