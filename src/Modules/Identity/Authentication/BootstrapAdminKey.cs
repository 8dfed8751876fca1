using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Omni.Contracts.Identity;
using Omni.Identity.Data;
using Omni.Identity.Domain;

namespace Omni.Identity.Authentication;

/// <summary>
/// Makes sure someone can call the API after the first start: <c>Omni:BootstrapAdminKey</c> becomes an admin key if
/// it does not exist yet; without it, a database with no key at all gets a generated admin key, printed once.
/// Runs in <see cref="StartingAsync"/>, after the host migrated the database and before the server listens.
/// </summary>
internal sealed class BootstrapAdminKey(
    IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<BootstrapAdminKey> logger) : IHostedLifecycleService
{
    public const string Setting = "Omni:BootstrapAdminKey";
    public const string KeyName = "bootstrap admin";

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var configured = configuration[Setting];
        if (configured is not null && configured.Trim().Length < ApiKeySecret.MinBootstrapKeyLength)
            throw new InvalidOperationException($"{Setting} must be at least {ApiKeySecret.MinBootstrapKeyLength} characters.");

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        string key;
        if (configured is not null)
        {
            key = configured.Trim();
            var hash = ApiKeySecret.Hash(key);
            if (await db.ApiKeys.AnyAsync(k => k.Hash == hash, cancellationToken)) return;
        }
        else
        {
            if (await db.ApiKeys.AnyAsync(cancellationToken)) return;
            key = ApiKeySecret.Generate();
        }

        db.ApiKeys.Add(new ApiKey
        {
            Name = KeyName,
            Prefix = ApiKeySecret.PrefixOf(key),
            Hash = ApiKeySecret.Hash(key),
            Scopes = [Scopes.Admin],
            CreatedAt = ApiKey.Now(clock),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (configured is not null)
        {
            // Another node started at the same moment and created the same key: it exists, which is all we need.
            return;
        }

        var prefix = ApiKeySecret.PrefixOf(key);
        if (configured is null)
        {
            // Printed to the console as well as logged: the key is shown this once and logging may be filtered.
            Console.WriteLine($"Omni: no API key existed, so an admin key was created. Keep it; it is not shown again:{Environment.NewLine}  {key}");
            logger.LogWarning("Created the first admin API key (prefix {Prefix}); it was printed to the console once", prefix);
        }
        else if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Created the bootstrap admin API key from Omni:BootstrapAdminKey (prefix {Prefix})", prefix);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
