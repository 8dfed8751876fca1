using System.Collections.Concurrent;
using Omni.Contracts.Inventory;

namespace Omni.Inventory.Stock;

/// <summary>
/// This node's in-memory picture of every stock position, for availability reads that must not touch the database.
/// It is a cache, never the authority: reservations are conditional updates in the database. Writes on this node
/// show at commit; writes on other nodes arrive through the event feed (see <see cref="StockViewFeeder"/>) within
/// a fraction of a second. Every position carries a version, and an older version never replaces a newer one, so the
/// order in which local commits and feed events arrive does not matter.
/// </summary>
internal sealed class StockView
{
    private ConcurrentDictionary<string, StockLevel[]> _bySku = new(StringComparer.Ordinal);

    public bool Ready { get; private set; }

    /// <summary>The positions of <paramref name="sku"/>; empty when it is stocked nowhere.</summary>
    public IReadOnlyList<StockLevel> Levels(string sku) => _bySku.TryGetValue(sku, out var levels) ? levels : [];

    public void Apply(StockLevel level) =>
        _bySku.AddOrUpdate(level.Sku, static (_, l) => [l], static (_, existing, l) => Merge(existing, l), level);

    /// <summary>Replaces the whole picture (start-up and periodic refresh), keeping anything newer that arrived meanwhile.</summary>
    public void Load(IEnumerable<StockLevel> levels)
    {
        var loaded = new ConcurrentDictionary<string, StockLevel[]>(StringComparer.Ordinal);
        foreach (var group in levels.GroupBy(l => l.Sku, StringComparer.Ordinal)) loaded[group.Key] = [.. group];
        var previous = Interlocked.Exchange(ref _bySku, loaded);
        foreach (var level in previous.Values.SelectMany(l => l)) Apply(level);
        Ready = true;
    }

    private static StockLevel[] Merge(StockLevel[] existing, StockLevel level)
    {
        for (var i = 0; i < existing.Length; i++)
        {
            if (existing[i].LocationCode != level.LocationCode) continue;
            if (existing[i].Version >= level.Version) return existing;
            var copy = (StockLevel[])existing.Clone();
            copy[i] = level;
            return copy;
        }
        return [.. existing, level];
    }
}
