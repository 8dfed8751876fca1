using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Omni.Common.Data;
using Omni.Common.Events.Subscriptions;
using Omni.Common.Http;

namespace Omni.IntegrationTests.Infrastructure;

/// <summary>
/// A real Omni server on a real, empty database of its own. Each test class gets one per provider
/// (see <see cref="SqliteOmni"/> and <see cref="PostgresOmni"/>); tests inside a class use unique codes.
/// </summary>
public abstract class OmniFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminKey = "omni_test_admin_key_0123456789abcdef";
    public static readonly JsonSerializerOptions Json = OmniJson.Create();

    public abstract DatabaseProvider Provider { get; }

    /// <summary>Where this server's notification files (.eml, SMS) go: the fixture's own, never the test run's working directory.</summary>
    public string NotificationDirectory { get; } = Path.Combine(Path.GetTempPath(), "omni-notifications", Guid.NewGuid().ToString("N"));

    protected abstract IDictionary<string, string?> DatabaseSettings();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in DatabaseSettings()) builder.UseSetting(key, value);
        builder.UseSetting("Omni:BootstrapAdminKey", AdminKey);
        builder.UseSetting("Omni:Notifications:Directory", NotificationDirectory);
        ConfigureSettings(builder);
    }

    /// <summary>Settings a test class needs on every node of its database (e.g. a short webhook retry schedule).</summary>
    protected virtual void ConfigureSettings(IWebHostBuilder builder)
    {
    }

    /// <summary>A client authenticated with the bootstrap admin key.</summary>
    public HttpClient Admin() => ClientWithKey(AdminKey);

    public HttpClient ClientWithKey(string? key)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>Runs <paramref name="work"/> in a request-like scope (for asserting on database state).</summary>
    public async Task<T> InScope<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>
    /// Waits until every event written so far has a position and every in-process subscriber has read past it —
    /// the moment the reactions of other modules (captures, re-sourcing, notifications …) have committed.
    /// </summary>
    public async Task WaitForSubscribersAsync(int seconds = 30)
    {
        var names = Services.GetServices<EventSubscriberRegistration>().Select(r => r.Name).ToList();
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var settled = await InScope(async sp =>
            {
                var session = sp.GetRequiredService<DbSession>();
                await session.Connection.OpenAsync();
                await using var command = session.Connection.CreateCommand();
                command.CommandText = $"""
                    SELECT (SELECT COUNT(*) FROM events WHERE position IS NULL)
                         + (SELECT COUNT(*) FROM event_subscriptions s WHERE s.position < (SELECT COALESCE(MAX(position), 0) FROM events))
                         + {names.Count} - (SELECT COUNT(*) FROM event_subscriptions)
                    """;
                return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) == 0;
            });
            if (settled) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Event subscribers did not catch up with the events table.");
            await Task.Delay(25);
        }
    }

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..10].ToUpperInvariant()}";

    public virtual Task InitializeAsync()
    {
        StartServer(); // start now so migration failures show up as fixture failures (TestServer or Kestrel alike)
        return Task.CompletedTask;
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeCoreAsync();

    protected virtual async Task DisposeCoreAsync()
    {
        await base.DisposeAsync();
        try { if (Directory.Exists(NotificationDirectory)) Directory.Delete(NotificationDirectory, recursive: true); } catch (IOException) { }
    }
}

public class SqliteOmni : OmniFactory
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "omni-tests", Guid.NewGuid().ToString("N"));

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override IDictionary<string, string?> DatabaseSettings() => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Sqlite",
        ["Omni:DataDirectory"] = _directory,
    };

    protected override async Task DisposeCoreAsync()
    {
        await base.DisposeCoreAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}

/// <summary>
/// PostgreSQL from <c>OMNI_TEST_POSTGRES</c> (a connection string to a server where the user may create databases);
/// eng/test.sh always provides one. Each fixture creates and finally drops a database of its own.
/// </summary>
public class PostgresOmni : OmniFactory
{
    private readonly string _database = $"omni_test_{Guid.NewGuid():N}";

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("OMNI_TEST_POSTGRES")
        ?? throw new InvalidOperationException(
            "OMNI_TEST_POSTGRES is not set. Run the tests with eng/test.sh, which starts a throwaway PostgreSQL, " +
            "or point OMNI_TEST_POSTGRES at a server, e.g. 'Host=localhost;Port=5432;Username=postgres'.");

    private string DatabaseConnectionString =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = _database, MaxPoolSize = 60 }.ConnectionString;

    protected override IDictionary<string, string?> DatabaseSettings() => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:Omni"] = DatabaseConnectionString,
    };

    public override async Task InitializeAsync()
    {
        await using (var connection = new NpgsqlConnection(ServerConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", connection);
            await create.ExecuteNonQueryAsync();
        }
        await base.InitializeAsync();
    }

    protected override async Task DisposeCoreAsync()
    {
        await base.DisposeCoreAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
