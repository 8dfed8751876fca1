using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Omni.Contracts.Locations;
using Omni.Locations.Data;

namespace Omni.Locations;

/// <summary>
/// The whole network in memory: read on every order and availability query, changed a few times a day. A change on this
/// node invalidates at once; changes made by other nodes are picked up by reloading when the snapshot is older than
/// <see cref="MaxAge"/>, so every node converges within seconds without coordination.
/// </summary>
internal sealed class LocationDirectory(IServiceScopeFactory scopes, TimeProvider clock) : ILocationDirectory, IDisposable
{
    internal static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile Snapshot? _snapshot;
    private long _generation;

    private sealed record Snapshot(FrozenDictionary<string, LocationSnapshot> Locations, long LoadedAt, long Generation);

    public async ValueTask<IReadOnlyDictionary<string, LocationSnapshot>> AllAsync(CancellationToken ct)
    {
        if (_snapshot is { } current && IsFresh(current)) return current.Locations;

        await _reload.WaitAsync(ct);
        try
        {
            if (_snapshot is { } loadedMeanwhile && IsFresh(loadedMeanwhile)) return loadedMeanwhile.Locations;
            // Read the generation before loading: if a local write lands during the load, the snapshot is born stale.
            var generation = Interlocked.Read(ref _generation);
            var locations = await LoadAsync(ct);
            _snapshot = new Snapshot(locations, clock.GetTimestamp(), generation);
            return locations;
        }
        finally
        {
            _reload.Release();
        }
    }

    /// <summary>Called after every local write so this node never serves its own stale data.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    private bool IsFresh(Snapshot snapshot) =>
        snapshot.Generation == Interlocked.Read(ref _generation) && clock.GetElapsedTime(snapshot.LoadedAt) < MaxAge;

    private async Task<FrozenDictionary<string, LocationSnapshot>> LoadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LocationsDbContext>();
        var locations = await db.Locations.AsNoTracking().ToListAsync(ct);
        return locations.ToFrozenDictionary(l => l.Code, l => l.ToSnapshot(), StringComparer.OrdinalIgnoreCase);
    }

    public void Dispose() => _reload.Dispose();
}
