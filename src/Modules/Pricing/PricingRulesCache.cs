using Microsoft.EntityFrameworkCore;
using Omni.Pricing.Data;
using Omni.Pricing.Engine;

namespace Omni.Pricing;

internal sealed record PricingRules(IReadOnlyList<Promotion> Promotions, IReadOnlyList<PriceException> Exceptions, IReadOnlyList<TaxRate> TaxRates);

/// <summary>
/// Active promotions, price exceptions and tax rates, held per node so a quote (a POS asks for one per scan) does no database
/// work of its own. A write on this node clears it at once — by generation, so a load racing the write cannot put the
/// old rules back; other nodes see the change within <see cref="MaxAge"/>, the same staleness the catalog accepts.
/// </summary>
internal sealed class PricingRulesCache(TimeProvider clock)
{
    internal static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private sealed record Entry(PricingRules Rules, long Generation, long LoadedAt);

    private Entry? _entry;
    private long _generation;

    public async Task<PricingRules> GetAsync(PricingDbContext db, CancellationToken ct)
    {
        var generation = Interlocked.Read(ref _generation);
        var entry = Volatile.Read(ref _entry);
        if (entry is not null && entry.Generation == generation && clock.GetElapsedTime(entry.LoadedAt) < MaxAge) return entry.Rules;

        var promotions = await db.Promotions.AsNoTracking().Where(p => p.Active).ToListAsync(ct);
        var exceptions = await db.PriceExceptions.AsNoTracking().ToListAsync(ct);
        var taxRates = await db.TaxRates.AsNoTracking().ToListAsync(ct);
        var rules = new PricingRules(
            PricingEngine.InPrecedenceOrder([.. promotions.Select(p => p.ToEngine())]), [.. exceptions.Select(e => e.ToEngine())],
            [.. taxRates.Select(t => t.ToEngine())]);
        if (Interlocked.Read(ref _generation) == generation) Volatile.Write(ref _entry, new Entry(rules, generation, clock.GetTimestamp()));
        return rules;
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _entry, null);
    }
}
