using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Omni.Identity.Data;

namespace Omni.Identity.Authentication;

/// <summary>
/// When each key was last used, to the minute. Requests only touch memory; <see cref="ApiKeyUsageRecorder"/> writes
/// the changes once a minute, so a busy key costs one update per minute instead of one per request.
/// </summary>
internal sealed class ApiKeyUsage
{
    private readonly ConcurrentDictionary<Guid, Slot> _slots = new();

    public Slot SlotFor(Guid keyId) => _slots.GetOrAdd(keyId, id => new Slot(id));

    public IEnumerable<Slot> Slots => _slots.Values;

    internal sealed class Slot(Guid keyId)
    {
        private long _usedTicks;
        private long _recordedTicks;

        public Guid KeyId { get; } = keyId;

        public void Touch(DateTime now)
        {
            if (now.Ticks - Volatile.Read(ref _usedTicks) >= TimeSpan.TicksPerMinute) Volatile.Write(ref _usedTicks, now.Ticks);
        }

        public DateTime? Unrecorded()
        {
            var used = Volatile.Read(ref _usedTicks);
            return used > Volatile.Read(ref _recordedTicks) ? new DateTime(used, DateTimeKind.Utc) : null;
        }

        public void Recorded(DateTime at) => Volatile.Write(ref _recordedTicks, at.Ticks);
    }
}

internal sealed class ApiKeyUsageRecorder(ApiKeyUsage usage, IServiceScopeFactory scopes, ILogger<ApiKeyUsageRecorder> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await RecordAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await RecordAsync(cancellationToken);
    }

    internal async Task RecordAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            foreach (var slot in usage.Slots)
            {
                if (slot.Unrecorded() is not { } usedAt) continue;
                await db.ApiKeys
                    .Where(k => k.Id == slot.KeyId && (k.LastUsedAt == null || k.LastUsedAt < usedAt))
                    .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, usedAt), ct);
                slot.Recorded(usedAt);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Last-used is informational: losing one round must never take the node down.
            logger.LogWarning(e, "Could not record when API keys were last used");
        }
    }
}
