using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Omni.Catalog.Data;
using Omni.Catalog.Features;
using Omni.Contracts.Catalog;

namespace Omni.Catalog;

/// <summary>A product as the storefront shows it, with the variants as the pricing engine takes them.</summary>
internal sealed record CachedProduct(ProductDetails Details, IReadOnlyDictionary<string, VariantSnapshot> Variants);

/// <summary>
/// Products held per node for the storefront's product page, the most read page of the shop: a page costs no catalog
/// query. Unlike <see cref="VariantCache"/> (short-lived, because orders must see a new price at once) an entry stays
/// until its product changes: a write on this node drops it at once, a write on any node drops it when the event feed
/// reports it (<see cref="ProductCacheFeeder"/>, a fraction of a second). Loads are cached only while the feeder follows
/// the feed, and a load racing a change is not cached (generation), so no old product can outlive the change that
/// replaced it. The price shown here is the shelf price; an order is priced again at placement.
/// </summary>
internal sealed class ProductCache(IServiceScopeFactory scopes)
{
    private const int MaxEntries = 50_000;

    private readonly ConcurrentDictionary<string, CachedProduct> _entries = new(StringComparer.Ordinal);
    private long _generation;
    private volatile bool _following;

    /// <summary>The product, or null when there is no product with this code (not cached: it may be created any moment).</summary>
    public async Task<CachedProduct?> FindAsync(string code, CancellationToken ct)
    {
        var normalized = ProductRules.NormalizeCode(code);
        if (_entries.TryGetValue(normalized, out var cached)) return cached;

        var generation = Interlocked.Read(ref _generation);
        var following = _following;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        var product = await db.Products.AsNoTracking().Include(p => p.Variants).FirstOrDefaultAsync(p => p.Code == normalized, ct);
        if (product is null) return null;

        var loaded = new CachedProduct(product.ToDetails(), product.Variants.ToDictionary(v => v.Sku, v => v.ToSnapshot(product), StringComparer.OrdinalIgnoreCase));
        if (following && Interlocked.Read(ref _generation) == generation)
        {
            if (_entries.Count >= MaxEntries) _entries.Clear();
            _entries[normalized] = loaded;
        }
        return loaded;
    }

    /// <summary>Called by the feeder once it follows the feed from a known position: what was loaded before may be older.</summary>
    public void StartFollowing()
    {
        Clear();
        _following = true;
    }

    /// <summary>Called when the feeder loses the feed: nothing is cached until it follows again.</summary>
    public void StopFollowing()
    {
        _following = false;
        Clear();
    }

    public void Invalidate(string code)
    {
        Interlocked.Increment(ref _generation);
        _entries.TryRemove(ProductRules.NormalizeCode(code), out _);
    }

    private void Clear()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }
}
