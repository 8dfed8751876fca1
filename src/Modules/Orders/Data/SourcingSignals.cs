using Omni.Contracts;
using Omni.Contracts.Inventory;
using Omni.Contracts.Locations;
using Omni.Orders.Sourcing;

namespace Omni.Orders.Data;

/// <summary>
/// The slow-moving inputs of sourcing, kept in memory so placing an order reads nothing before its transaction: the rule
/// set (reloaded every few seconds, at once after a local edit), the orders each location took today (reloaded every few
/// seconds and counted up by this node's own orders in between) and the rate of sale per location and SKU (reloaded every
/// few minutes: it is an average over weeks). Daily capacity is therefore a planning limit that concurrent orders on
/// several nodes can overshoot by a few seconds' worth of orders, never a stock guarantee.
/// </summary>
internal sealed class SourcingSignals(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    internal static readonly TimeSpan RulesAge = TimeSpan.FromSeconds(5);
    internal static readonly TimeSpan LoadAge = TimeSpan.FromSeconds(5);
    internal static readonly TimeSpan SalesAge = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile Cached<(SourcingRules Rules, int Version)>? _rules;
    private volatile Cached<Dictionary<string, int>>? _today;
    private volatile Cached<Dictionary<(string, string), double>>? _sales;

    private sealed record Cached<T>(T Value, long LoadedAt, DateTime Day);

    /// <summary>Called after a local rule edit so this node never sources with rules it knows are old.</summary>
    public void InvalidateRules() => _rules = null;

    /// <summary>Counts an order this node just committed against its locations' capacity until the next reload.</summary>
    public void Took(IEnumerable<string> locations)
    {
        if (_today is not { } today) return;
        lock (today.Value)
            foreach (var location in locations.Distinct(StringComparer.OrdinalIgnoreCase))
                today.Value[location] = today.Value.GetValueOrDefault(location) + 1;
    }

    public async Task<(SourcingRules Rules, int Version)> RulesAsync(CancellationToken ct) =>
        (await FreshAsync(() => _rules, c => _rules = c, RulesAge, SourcingData.LiveRulesAsync, ct)).Value;

    /// <summary>Everything sourcing needs but the stock, for an order of <paramref name="channel"/> to <paramref name="destination"/>.</summary>
    public async Task<SourcingInput> InputAsync(SalesChannel channel, (double Lat, double Lon)? destination,
        IReadOnlyDictionary<string, LocationSnapshot> locations, CancellationToken ct)
    {
        var (rules, version) = await RulesAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var counted = await FreshAsync(() => _today, c => _today = c, LoadAge, (db, c) => SourcingData.OrdersTodayAsync(db, now, c), ct);
        Dictionary<string, int> today;
        lock (counted.Value) today = new Dictionary<string, int>(counted.Value, StringComparer.OrdinalIgnoreCase);
        IReadOnlyDictionary<(string, string), double> sales = SourcingInput.NoSales;
        if (rules.LowCoverPenaltyPerUnit > 0 && rules.TargetCoverDays > 0)
            sales = (await FreshAsync(() => _sales, c => _sales = c, SalesAge, (db, c) => SourcingData.DailySalesAsync(db, null, now, rules.SalesWindowDays, c), ct)).Value;
        return new SourcingInput(channel, destination, locations, Array.Empty<StockLevel>(), today, sales, rules, version);
    }

    private async Task<Cached<T>> FreshAsync<T>(Func<Cached<T>?> read, Action<Cached<T>> write, TimeSpan maxAge,
        Func<OrdersDbContext, CancellationToken, Task<T>> load, CancellationToken ct)
    {
        if (read() is { } current && IsFresh(current, maxAge)) return current;
        await _reload.WaitAsync(ct);
        try
        {
            if (read() is { } loadedMeanwhile && IsFresh(loadedMeanwhile, maxAge)) return loadedMeanwhile;
            await using var scope = scopes.CreateAsyncScope();
            var value = await load(scope.ServiceProvider.GetRequiredService<OrdersDbContext>(), ct);
            var loaded = new Cached<T>(value, clock.GetTimestamp(), clock.GetUtcNow().UtcDateTime.Date);
            write(loaded);
            return loaded;
        }
        finally
        {
            _reload.Release();
        }
    }

    private bool IsFresh<T>(Cached<T> cached, TimeSpan maxAge) =>
        cached.Day == clock.GetUtcNow().UtcDateTime.Date && clock.GetElapsedTime(cached.LoadedAt) < maxAge;

    public void Dispose() => _reload.Dispose();
}
