using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Omni.Catalog.Data;
using Omni.Common;
using Omni.Contracts.Catalog;

namespace Omni.Catalog;

/// <summary>Variants for the order path: one query for the SKUs not in the short-lived cache.</summary>
internal sealed class CatalogLookup(CatalogDbContext db, VariantCache cache) : ICatalogLookup
{
    public async Task<IReadOnlyDictionary<string, VariantSnapshot>> FindVariantsAsync(IReadOnlyCollection<string> skus, CancellationToken ct)
    {
        var found = new Dictionary<string, VariantSnapshot>(StringComparer.OrdinalIgnoreCase);
        var missing = new List<string>();
        foreach (var sku in skus.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim().ToUpperInvariant()).Distinct())
        {
            if (cache.TryGet(sku, out var snapshot)) found[sku] = snapshot;
            else missing.Add(sku);
        }
        if (missing.Count == 0) return found;

        var generation = cache.Generation;
        var rows = await db.Variants.AsNoTracking()
            .Where(v => missing.Contains(v.Sku))
            .Select(v => new { v.Sku, ProductCode = v.Product.Code, ProductName = v.Product.Name, v.Name, v.PriceMinor, v.Currency, v.Product.Category, v.Product.Brand })
            .ToListAsync(ct);
        foreach (var row in rows)
        {
            var snapshot = new VariantSnapshot(row.Sku, row.ProductCode, Domain.Variant.SnapshotName(row.ProductName, row.Name), new Money(row.PriceMinor, row.Currency), row.Category, row.Brand);
            found[row.Sku] = snapshot;
            cache.Put(snapshot, generation);
        }
        return found;
    }
}

/// <summary>
/// Prices are read on every order line; a few seconds of staleness across nodes is the accepted price of not asking the
/// database each time. A write on this node clears it at once (by generation, so a read racing the write cannot put
/// an old price back). Unknown SKUs are not cached: a product created on another node must be orderable at once.
/// </summary>
internal sealed class VariantCache(TimeProvider clock)
{
    internal static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);
    private long _generation;

    private sealed record Entry(VariantSnapshot Snapshot, long Generation, long StoredAt);

    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(string sku, out VariantSnapshot snapshot)
    {
        snapshot = null!;
        if (!_entries.TryGetValue(sku, out var entry) || entry.Generation != Generation || clock.GetElapsedTime(entry.StoredAt) >= MaxAge) return false;
        snapshot = entry.Snapshot;
        return true;
    }

    public void Put(VariantSnapshot snapshot, long generation)
    {
        if (generation != Generation) return;
        if (_entries.Count >= MaxEntries) _entries.Clear();
        _entries[snapshot.Sku] = new Entry(snapshot, generation, clock.GetTimestamp());
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }
}
