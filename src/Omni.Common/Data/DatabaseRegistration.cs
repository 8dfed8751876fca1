using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Omni.Common.Data;

public static class DatabaseRegistration
{
    public static IServiceCollection AddOmniDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(options);
        if (options.Provider == DatabaseProvider.Postgres)
            services.AddSingleton(_ => NpgsqlDataSource.Create(options.ConnectionString));
        services.AddScoped(sp => new DbSession(options, sp.GetService<NpgsqlDataSource>()));
        return services;
    }

    /// <summary>
    /// Registers a module's DbContext on the request's shared connection. <typeparamref name="TSqlite"/> and
    /// <typeparamref name="TPostgres"/> exist only so each provider has its own migrations (EF ties migrations to a context type).
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext, TSqlite, TPostgres>(this IServiceCollection services, DatabaseOptions database, string module)
        where TContext : ModuleDbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        // Options are built once per process (with the host's logging, so EF's warnings reach the logs); each request's
        // context gets the request's connection with SetDbConnection.
        if (database.Provider == DatabaseProvider.Postgres) Register<TContext, TPostgres>(services, sp => ForPostgres<TPostgres>(null, module, Logging(sp)));
        else Register<TContext, TSqlite>(services, sp => ForSqlite<TSqlite>(null, module, Logging(sp)));
        services.AddSingleton(new ModuleDatabase(module, typeof(TContext)));
        return services;
    }

    private static void Register<TContext, TProvider>(IServiceCollection services, Func<IServiceProvider, DbContextOptions<TProvider>> options)
        where TContext : ModuleDbContext
        where TProvider : TContext
    {
        services.AddSingleton<DbContextOptions<TProvider>>(options);
        services.AddScoped<TContext>(sp => Attach(sp, (TContext)Activator.CreateInstance(typeof(TProvider), sp.GetRequiredService<DbContextOptions<TProvider>>())!));
    }

    private static Microsoft.Extensions.Logging.ILoggerFactory? Logging(IServiceProvider services) =>
        services.GetService<Microsoft.Extensions.Logging.ILoggerFactory>();

    private static TContext Attach<TContext>(IServiceProvider services, TContext context) where TContext : DbContext
    {
        var session = services.GetRequiredService<DbSession>();
        context.Database.SetDbConnection(session.Connection);
        session.Enlist(context);
        return context;
    }

    public static DbContextOptions<T> ForSqlite<T>(string? connectionString, string module, Microsoft.Extensions.Logging.ILoggerFactory? logging = null) where T : DbContext
    {
        var builder = new DbContextOptionsBuilder<T>();
        if (logging is not null) builder.UseLoggerFactory(logging);
        void Configure(Microsoft.EntityFrameworkCore.Infrastructure.SqliteDbContextOptionsBuilder o) => o.MigrationsHistoryTable($"__migrations_{module}");
        if (connectionString is null) builder.UseSqlite(Configure); else builder.UseSqlite(connectionString, Configure);
        return builder.Options;
    }

    public static DbContextOptions<T> ForPostgres<T>(string? connectionString, string module, Microsoft.Extensions.Logging.ILoggerFactory? logging = null) where T : DbContext
    {
        var builder = new DbContextOptionsBuilder<T>();
        if (logging is not null) builder.UseLoggerFactory(logging);
        void Configure(Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder o) => o.MigrationsHistoryTable($"__migrations_{module}");
        if (connectionString is null) builder.UseNpgsql(Configure); else builder.UseNpgsql(connectionString, Configure);
        return builder.Options;
    }

    /// <summary>Creates the tables of every module, in registration order, before the server takes requests.</summary>
    public static async Task MigrateOmniDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var options = services.GetRequiredService<DatabaseOptions>();
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            await using var connection = new SqliteConnection(options.ConnectionString);
            await connection.OpenAsync(ct);
            await using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            await wal.ExecuteNonQueryAsync(ct);
        }
        foreach (var module in services.GetServices<ModuleDatabase>())
        {
            await using var scope = services.CreateAsyncScope();
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
            await context.Database.MigrateAsync(ct);
        }
    }
}

public sealed record ModuleDatabase(string Module, Type ContextType);

/// <summary>Lets <c>dotnet ef</c> build a provider's context without starting the server (see eng/migrations.sh).</summary>
public abstract class SqliteDesignTimeFactory<T>(string module) : IDesignTimeDbContextFactory<T> where T : DbContext
{
    public T CreateDbContext(string[] args) => (T)Activator.CreateInstance(typeof(T), DatabaseRegistration.ForSqlite<T>("Data Source=design-time.db", module))!;
}

/// <inheritdoc cref="SqliteDesignTimeFactory{T}"/>
public abstract class PostgresDesignTimeFactory<T>(string module) : IDesignTimeDbContextFactory<T> where T : DbContext
{
    public T CreateDbContext(string[] args) => (T)Activator.CreateInstance(typeof(T), DatabaseRegistration.ForPostgres<T>("Host=localhost;Database=design_time", module))!;
}
