using Microsoft.EntityFrameworkCore;
using Omni.Pricing.Data;
using Omni.Pricing.Engine;

namespace Omni.Pricing;

internal sealed record PricingRules(IReadOnlyList<Promotion> Promotions, IReadOnlyList<PriceException> Exceptions, IReadOnlyList<TaxRate> TaxRates);

/// <summary>
/// Active promotions, price exceptions and tax rates, held per node so a quote (a POS asks for one per scan) does no database
/// work of its own. A write on this node clears it at once — by generation, so a load racing the write cannot put the
/// old rules back; other nodes see the change within <see cref="MaxAge"/>, the same staleness the catalog accepts.
/// One request reloads while the others wait for it: every page and quote of the node needs the rules at the same moment.
/// </summary>
internal sealed class PricingRulesCache(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    internal static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private sealed record Entry(PricingRules Rules, long Generation, long LoadedAt);

    private readonly SemaphoreSlim _load = new(1, 1);
    private Entry? _entry;
    private long _generation;

    /// <summary>For readers outside a transaction (shelf prices on pages): a context of its own, made only when the rules must be read.</summary>
    public async Task<PricingRules> GetAsync(CancellationToken ct)
    {
        if (Fresh() is { } rules) return rules;
        await using var scope = scopes.CreateAsyncScope();
        return await GetAsync(scope.ServiceProvider.GetRequiredService<PricingDbContext>(), ct);
    }

    public async Task<PricingRules> GetAsync(PricingDbContext db, CancellationToken ct)
    {
        if (Fresh() is { } fresh) return fresh;
        await _load.WaitAsync(ct);
        try
        {
            if (Fresh() is { } loadedMeanwhile) return loadedMeanwhile;
            var generation = Interlocked.Read(ref _generation);
            var promotions = await db.Promotions.AsNoTracking().Where(p => p.Active).ToListAsync(ct);
            var exceptions = await db.PriceExceptions.AsNoTracking().ToListAsync(ct);
            var taxRates = await db.TaxRates.AsNoTracking().ToListAsync(ct);
            var rules = new PricingRules(
                PricingEngine.InPrecedenceOrder([.. promotions.Select(p => p.ToEngine())]), [.. exceptions.Select(e => e.ToEngine())],
                [.. taxRates.Select(t => t.ToEngine())]);
            if (Interlocked.Read(ref _generation) == generation) Volatile.Write(ref _entry, new Entry(rules, generation, clock.GetTimestamp()));
            return rules;
        }
        finally
        {
            _load.Release();
        }
    }

    private PricingRules? Fresh()
    {
        var entry = Volatile.Read(ref _entry);
        return entry is not null && entry.Generation == Interlocked.Read(ref _generation) && clock.GetElapsedTime(entry.LoadedAt) < MaxAge
            ? entry.Rules
            : null;
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _entry, null);
    }

    public void Dispose() => _load.Dispose();
}
