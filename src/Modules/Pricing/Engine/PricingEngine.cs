using Omni.Common;

namespace Omni.Pricing.Engine;

/// <summary>
/// The one pricing function of every channel: the same basket, promotions, exceptions and context always give the
/// same quote. Everything is integer minor units; cart-level amounts are spread over lines by largest remainder so
/// the explanation adds up exactly.
/// </summary>
internal static class PricingEngine
{
    private const int Full = 10_000;

    public static Quote Quote(Basket basket, IReadOnlyList<Promotion> promotions, PricingContext context, IReadOnlyList<PriceException>? exceptions = null)
    {
        var currency = basket.Currency;
        var count = basket.Lines.Count;
        var lines = new LineState[count];
        for (var i = 0; i < count; i++)
        {
            var line = basket.Lines[i];
            if (line.CatalogUnitPrice.Currency != currency)
                throw new ArgumentException($"Line {i} is priced in {line.CatalogUnitPrice.Currency}, the basket in {currency}.", nameof(basket));
            if (line.Quantity <= 0) throw new ArgumentException($"Line {i} has no quantity.", nameof(basket));
            if (line.TillUnitPrice is { } till && till.Currency != currency)
                throw new ArgumentException($"Line {i} was charged in {till.Currency}, the basket is in {currency}.", nameof(basket));
            var exception = line.TillUnitPrice is null ? BestException(line, currency, context, exceptions) : null;
            var unit = line.TillUnitPrice?.Minor ?? exception?.Price.Minor ?? line.CatalogUnitPrice.Minor;
            lines[i] = new LineState(line, exception, unit, checked(unit * line.Quantity));
        }

        var ordered = InPrecedenceOrder(promotions);

        var targeted = new List<int>(count);
        var eligible = new List<int>(count);
        var discounts = new long[count];
        var marks = new bool[count];
        var bySku = Index(basket.Lines, l => l.Sku);
        var byBrand = Index(basket.Lines, l => l.Brand);
        foreach (var promotion in ordered)
        {
            if (!promotion.Unlocked(context)) continue;
            Collect(promotion, basket.Lines, bySku, byBrand, marks, targeted);
            if (targeted.Count == 0) continue;

            if (promotion.OutOfScope(context, currency) is { } outOfScope)
            {
                foreach (var i in targeted) lines[i].Skip(promotion, outOfScope);
                continue;
            }

            eligible.Clear();
            foreach (var i in targeted)
            {
                if (lines[i].LockedBy is { } locker) lines[i].Skip(promotion, NotAppliedReason.BlockedByExclusive, locker);
                else eligible.Add(i);
            }
            if (eligible.Count == 0) continue;

            Array.Clear(discounts);
            var failure = Compute(promotion, lines, eligible, discounts);
            foreach (var i in eligible)
            {
                var amount = discounts[i];
                if (amount > 0)
                {
                    lines[i].Apply(promotion, new Money(amount, currency));
                    continue;
                }
                var reason = failure ?? (promotion.Kind == PromotionKind.BuyXGetY && lines[i].Remaining > 0 ? NotAppliedReason.NotCheapestUnits : NotAppliedReason.NothingLeftToDiscount);
                lines[i].Skip(promotion, reason);
            }
        }

        return Build(currency, lines);
    }

    private static Dictionary<string, List<int>> Index(IReadOnlyList<BasketLine> lines, Func<BasketLine, string> key)
    {
        var index = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < lines.Count; i++)
        {
            if (!index.TryGetValue(key(lines[i]), out var list)) index[key(lines[i])] = list = [];
            list.Add(i);
        }
        return index;
    }

    /// <summary>
    /// The lines a promotion aims at, in basket order and each once. SKU and brand targets are looked up rather than
    /// compared line by line: with hundreds of promotions that scan is most of a quote's time.
    /// </summary>
    private static void Collect(
        Promotion promotion, IReadOnlyList<BasketLine> lines, Dictionary<string, List<int>> bySku, Dictionary<string, List<int>> byBrand,
        bool[] marks, List<int> targeted)
    {
        targeted.Clear();
        var index = promotion.Target switch { TargetType.Sku => bySku, TargetType.Brand => byBrand, _ => null };
        if (index is null)
        {
            for (var i = 0; i < lines.Count; i++) if (promotion.Targets(lines[i])) targeted.Add(i);
            return;
        }
        var any = false;
        foreach (var value in promotion.TargetValues)
        {
            if (!index.TryGetValue(value, out var found)) continue;
            foreach (var i in found) marks[i] = true;
            any = true;
        }
        if (!any) return;
        for (var i = 0; i < marks.Length; i++)
        {
            if (!marks[i]) continue;
            targeted.Add(i);
            marks[i] = false;
        }
    }

    /// <summary>Fills <paramref name="discounts"/> for the eligible lines; returns why nothing applies when a condition fails.</summary>
    private static NotAppliedReason? Compute(Promotion promotion, LineState[] lines, List<int> eligible, long[] discounts)
    {
        var cartWide = promotion.Target == TargetType.Cart;
        switch (promotion.Kind)
        {
            case PromotionKind.PercentOff when cartWide:
                Allocate(Percent(Remaining(lines, eligible), promotion.PercentBasisPoints ?? 0), lines, eligible, discounts);
                return null;
            case PromotionKind.PercentOff:
                foreach (var i in eligible) discounts[i] = Percent(lines[i].Remaining, promotion.PercentBasisPoints ?? 0);
                return null;
            case PromotionKind.AmountOff when cartWide:
                Allocate(Math.Min(promotion.Amount?.Minor ?? 0, Remaining(lines, eligible)), lines, eligible, discounts);
                return null;
            case PromotionKind.AmountOff:
                foreach (var i in eligible)
                    discounts[i] = Math.Min(lines[i].Remaining, checked((promotion.Amount?.Minor ?? 0) * lines[i].Line.Quantity));
                return null;
            case PromotionKind.SpendThreshold:
            {
                var spend = Remaining(lines, eligible);
                if (spend == 0) return NotAppliedReason.NothingLeftToDiscount;
                if (spend < (promotion.Threshold?.Minor ?? 0)) return NotAppliedReason.ThresholdNotMet;
                var off = promotion.Amount is { } amount ? Math.Min(amount.Minor, spend) : Percent(spend, promotion.PercentBasisPoints ?? 0);
                Allocate(off, lines, eligible, discounts);
                return null;
            }
            case PromotionKind.BuyXGetY:
                return BuyXGetY(promotion, lines, eligible, discounts);
            default:
                return NotAppliedReason.Inactive;
        }
    }

    /// <summary>
    /// For every X + Y qualifying units, the Y cheapest (at what is left of their price) are free or discounted.
    /// Units of one line are alike, so the cheapest units are taken line by line, cheapest line first.
    /// </summary>
    private static NotAppliedReason? BuyXGetY(Promotion promotion, LineState[] lines, List<int> eligible, long[] discounts)
    {
        var groupSize = promotion.BuyQuantity + promotion.GetQuantity;
        if (groupSize <= 0 || promotion.GetQuantity <= 0) return NotAppliedReason.QuantityNotMet;
        long units = 0;
        foreach (var i in eligible) units += lines[i].Line.Quantity;
        var free = units / groupSize * promotion.GetQuantity;
        if (free == 0) return NotAppliedReason.QuantityNotMet;

        var byUnitValue = eligible.ToArray();
        // Compare remaining/quantity exactly by cross-multiplying; ties go to the earlier line so the result is deterministic.
        Array.Sort(byUnitValue, (a, b) =>
        {
            var left = (Int128)lines[a].Remaining * lines[b].Line.Quantity;
            var right = (Int128)lines[b].Remaining * lines[a].Line.Quantity;
            var byValue = left.CompareTo(right);
            return byValue != 0 ? byValue : a.CompareTo(b);
        });
        foreach (var i in byUnitValue)
        {
            if (free == 0) break;
            var quantity = lines[i].Line.Quantity;
            var take = (int)Math.Min(free, quantity);
            free -= take;
            var value = take == quantity ? lines[i].Remaining : (long)((Int128)lines[i].Remaining * take / quantity);
            discounts[i] = Percent(value, promotion.GetPercentBasisPoints);
        }
        return null;
    }

    private static long Remaining(LineState[] lines, List<int> indices)
    {
        long sum = 0;
        foreach (var i in indices) sum = checked(sum + lines[i].Remaining);
        return sum;
    }

    /// <summary>Half away from zero on non-negative amounts, as a till rounds.</summary>
    internal static long Percent(long amount, int basisPoints)
    {
        if (basisPoints >= Full) return amount;
        if (basisPoints <= 0 || amount <= 0) return 0;
        return (long)(((Int128)amount * basisPoints + Full / 2) / Full);
    }

    /// <summary>
    /// Largest-remainder (Hamilton) apportionment of <paramref name="total"/> over the lines in proportion to what is
    /// left of each: floors first, then one minor unit each to the largest remainders, earlier line first on ties.
    /// No line gets more than it has left because <paramref name="total"/> never exceeds their sum.
    /// </summary>
    internal static void Allocate(long total, LineState[] lines, List<int> eligible, long[] discounts)
    {
        var weights = new long[eligible.Count];
        for (var k = 0; k < eligible.Count; k++) weights[k] = lines[eligible[k]].Remaining;
        var shares = Apportion(total, weights);
        for (var k = 0; k < eligible.Count; k++) discounts[eligible[k]] = shares[k];
    }

    internal static long[] Apportion(long total, IReadOnlyList<long> weights)
    {
        var shares = new long[weights.Count];
        Int128 sum = 0;
        foreach (var w in weights) sum += w;
        if (total <= 0 || sum == 0) return shares;
        if (total > sum) throw new ArgumentOutOfRangeException(nameof(total), "Cannot apportion more than the weights hold.");

        var remainders = new Int128[weights.Count];
        long given = 0;
        for (var k = 0; k < weights.Count; k++)
        {
            var exact = (Int128)total * weights[k];
            shares[k] = (long)(exact / sum);
            remainders[k] = exact % sum;
            given += shares[k];
        }
        var left = total - given;
        if (left == 0) return shares;
        var order = Enumerable.Range(0, weights.Count).ToArray();
        Array.Sort(order, (a, b) => remainders[a] != remainders[b] ? remainders[b].CompareTo(remainders[a]) : a.CompareTo(b));
        for (var k = 0; k < left; k++) shares[order[k]]++;
        return shares;
    }

    /// <summary>Promotions in the order they run; the cache hands them over sorted already, so that case costs one pass.</summary>
    internal static IReadOnlyList<Promotion> InPrecedenceOrder(IReadOnlyList<Promotion> promotions)
    {
        var sorted = true;
        for (var i = 1; i < promotions.Count && sorted; i++) sorted = CompareByPrecedence(promotions[i - 1], promotions[i]) <= 0;
        if (sorted) return promotions;
        var ordered = promotions.ToArray();
        Array.Sort(ordered, CompareByPrecedence);
        return ordered;
    }

    private static int CompareByPrecedence(Promotion a, Promotion b)
    {
        var byPriority = b.Priority.CompareTo(a.Priority);
        if (byPriority != 0) return byPriority;
        var byCode = string.CompareOrdinal(a.Code, b.Code);
        return byCode != 0 ? byCode : a.Id.CompareTo(b.Id);
    }

    private static PriceException? BestException(BasketLine line, string currency, PricingContext context, IReadOnlyList<PriceException>? exceptions)
    {
        if (exceptions is null) return null;
        PriceException? best = null;
        foreach (var e in exceptions)
        {
            if (e.Price.Currency != currency || !string.Equals(e.Sku, line.Sku, StringComparison.OrdinalIgnoreCase) || !e.AppliesTo(context)) continue;
            if (best is null || e.Specificity > best.Specificity
                || (e.Specificity == best.Specificity && (e.Price.Minor < best.Price.Minor || (e.Price.Minor == best.Price.Minor && e.Id.CompareTo(best.Id) < 0))))
                best = e;
        }
        return best;
    }

    private static Quote Build(string currency, LineState[] lines)
    {
        var quoteLines = new QuoteLine[lines.Length];
        long subtotal = 0, total = 0;
        var byPromotion = new Dictionary<Guid, (Adjustment First, long Sum, int Order)>();
        for (var i = 0; i < lines.Length; i++)
        {
            var s = lines[i];
            subtotal = checked(subtotal + s.Subtotal);
            total = checked(total + s.Remaining);
            foreach (var a in s.Adjustments)
            {
                byPromotion[a.PromotionId] = byPromotion.TryGetValue(a.PromotionId, out var seen)
                    ? (seen.First, seen.Sum + a.Amount.Minor, seen.Order)
                    : (a, a.Amount.Minor, byPromotion.Count);
            }
            quoteLines[i] = new QuoteLine(
                s.Line.Sku, s.Line.Quantity, s.Line.CatalogUnitPrice, new Money(s.UnitPrice, currency),
                s.Line.TillUnitPrice is not null ? PriceSource.Till : s.Exception is null ? PriceSource.Catalog : PriceSource.Exception,
                s.Exception?.Id, s.Exception?.Reason,
                new Money(s.Subtotal, currency), s.Adjustments, new Money(s.Subtotal - s.Remaining, currency),
                new Money(s.Remaining, currency), s.NotApplied, Money.Zero(currency));
        }
        var promotions = byPromotion.Values.OrderBy(p => p.Order).Select(p => p.First with { Amount = new Money(p.Sum, currency) }).ToList();
        return new Quote(currency, quoteLines, new Money(subtotal, currency), new Money(subtotal - total, currency), new Money(total, currency), promotions,
            Money.Zero(currency));
    }

    internal sealed class LineState(BasketLine line, PriceException? exception, long unitPrice, long subtotal)
    {
        public BasketLine Line { get; } = line;
        public PriceException? Exception { get; } = exception;
        public long UnitPrice { get; } = unitPrice;
        public long Subtotal { get; } = subtotal;
        public long Remaining { get; private set; } = subtotal;
        public string? LockedBy { get; private set; }
        public List<Adjustment> Adjustments { get; } = [];
        public List<NotApplied> NotApplied { get; } = [];

        public void Apply(Promotion promotion, Money amount)
        {
            Remaining -= amount.Minor;
            Adjustments.Add(new Adjustment(promotion.Id, promotion.Code, promotion.Name, amount));
            if (promotion.Stacking == Stacking.Exclusive) LockedBy = promotion.Code;
        }

        public void Skip(Promotion promotion, NotAppliedReason reason, string? blockedBy = null) =>
            NotApplied.Add(new NotApplied(promotion.Id, promotion.Code, reason, blockedBy));
    }
}
