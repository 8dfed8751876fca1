using Microsoft.AspNetCore.Hosting;
using Npgsql;
using Omni.Common.Data;
using Omni.IntegrationTests.Infrastructure;

namespace Omni.IntegrationTests.Integration;

/// <summary>
/// A server whose webhook schedule fits a test: three attempts, retries after a tenth of a second. Set for the whole
/// fixture rather than per test, because every node on the database runs delivery workers: a second node with the
/// default schedule could claim a test's retry and wait minutes, or keep a delivery alive past the test's limit.
/// </summary>
public abstract class WebhookOmni : OmniFactory
{
    public const int MaxAttempts = 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Omni:Webhooks:MaxAttempts", MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Omni:Webhooks:RetryDelays:0", "00:00:00.100");
        builder.UseSetting("Omni:Webhooks:RetryDelays:1", "00:00:00.200");
        builder.UseSetting("Omni:Webhooks:PollInterval", "00:00:00.050");
        builder.UseSetting("Omni:Webhooks:RequestTimeout", "00:00:05");
    }
}

public sealed class WebhookSqliteOmni : WebhookOmni
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

public sealed class WebhookPostgresOmni : WebhookOmni
{
    private readonly string _database = $"omni_test_{Guid.NewGuid():N}";

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override IDictionary<string, string?> DatabaseSettings() => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:Omni"] = new NpgsqlConnectionStringBuilder(PostgresOmni.ServerConnectionString) { Database = _database, MaxPoolSize = 60 }.ConnectionString,
    };

    public override async Task InitializeAsync()
    {
        await using (var connection = new NpgsqlConnection(PostgresOmni.ServerConnectionString))
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
        await using var connection = new NpgsqlConnection(PostgresOmni.ServerConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
