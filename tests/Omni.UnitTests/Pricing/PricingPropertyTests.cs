using CsCheck;
using Omni.Common;
using Omni.Contracts;
using Omni.Pricing.Engine;

namespace Omni.UnitTests.Pricing;

/// <summary>"One cart prices the same everywhere", and the explanation adds up to the cent, for any basket and promotion set.</summary>
public sealed class PricingPropertyTests
{
    private static readonly DateTime Now = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly string[] Skus = ["A", "B", "C", "D", "E", "F"];
    private static readonly string[] Categories = ["apparel/tops", "apparel/bottoms", "home/kitchen", "home"];
    private static readonly string[] Brands = ["Acme", "Omni", "Zed"];
    private static readonly SalesChannel[] SameEverywhere = [SalesChannel.Web, SalesChannel.App, SalesChannel.Store, SalesChannel.Callcenter];

    private static Gen<T> Pick<T>(params T[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static readonly Gen<BasketLine> AnyLine =
        Gen.Select(Gen.Int[0, Skus.Length - 1], Gen.Int[1, 12], Gen.Long[1, 500_00])
            .Select((s, q, price) => new BasketLine(Skus[s], q, new Money(price, "EUR"), Categories[s % Categories.Length], Brands[s % Brands.Length]));

    private static readonly Gen<(TargetType, string[])> AnyTarget = Gen.OneOf(
        Gen.Const((TargetType.Cart, Array.Empty<string>())),
        Gen.Int[0, Skus.Length - 1].Select(i => (TargetType.Sku, new[] { Skus[i] })),
        Pick("apparel", "home", "apparel/tops").Select(c => (TargetType.Category, new[] { c })),
        Pick(Brands).Select(b => (TargetType.Brand, new[] { b })));

    private static readonly Gen<Promotion> AnyPromotion =
        Gen.Select(Gen.Int[0, 3], AnyTarget, Gen.Int[1, 10_000], Gen.Long[1, 200_00], Gen.Int[1, 4], Gen.Int[1, 3], Gen.Int[-5, 5], Gen.Bool)
            .Select((kind, target, basisPoints, amount, buy, get, priority, exclusive) => new Promotion(
                Guid.NewGuid(), $"P{Guid.NewGuid():N}"[..8], "promo", (PromotionKind)kind, target.Item1, target.Item2,
                PercentBasisPoints: kind == 3 && amount % 2 == 0 ? null : basisPoints,
                Amount: kind == 1 || (kind == 3 && amount % 2 == 0) ? new Money(amount, "EUR") : null,
                BuyQuantity: buy, GetQuantity: get, GetPercentBasisPoints: basisPoints,
                Threshold: kind == 3 ? new Money(amount * 3, "EUR") : null,
                Priority: priority, Stacking: exclusive ? Stacking.Exclusive : Stacking.Stackable));

    // Exceptions for channels outside the "same everywhere" set: they must not leak into web, app, store or call-center prices.
    private static readonly Gen<PriceException> AnyOtherChannelException =
        Gen.Select(Gen.Int[0, Skus.Length - 1], Pick(SalesChannel.Marketplace, SalesChannel.Social), Gen.Long[1, 500_00])
            .Select((s, channel, price) => new PriceException(Guid.NewGuid(), Skus[s], channel, null, new Money(price, "EUR"), "channel fee"));

    [Fact]
    public void Without_an_exception_every_channel_gets_the_same_total_and_the_explanation_adds_up_to_the_cent()
    {
        Gen.Select(AnyLine.Array[1, 20], AnyPromotion.Array[0, 30], AnyOtherChannelException.Array[0, 3])
            .Sample((lines, promotions, exceptions) =>
            {
                var basket = new Basket("EUR", lines);
                var quotes = SameEverywhere
                    .Select(c => PricingEngine.Quote(basket, promotions, new PricingContext(c, c == SalesChannel.Store ? "STORE-1" : null, null, Now), exceptions))
                    .ToList();
                foreach (var quote in quotes)
                {
                    if (quote.Total != quotes[0].Total || quote.DiscountTotal != quotes[0].DiscountTotal) return false;
                    if (quote.Lines.Sum(l => l.Total.Minor) != quote.Total.Minor) return false;
                    if (quote.Lines.Sum(l => l.Adjustments.Sum(a => a.Amount.Minor)) != quote.DiscountTotal.Minor) return false;
                    if (quote.Subtotal.Minor - quote.DiscountTotal.Minor != quote.Total.Minor) return false;
                    if (quote.Lines.Any(l => l.Total.Minor < 0 || l.Subtotal.Minor - l.Discount.Minor != l.Total.Minor)) return false;
                }
                return true;
            }, iter: 2_000);
    }

    [Fact]
    public void A_store_price_exception_changes_only_that_store_s_quote()
    {
        Gen.Select(AnyLine.Array[1, 20], AnyPromotion.Array[0, 30], Gen.Long[1, 500_00])
            .Sample((lines, promotions, price) =>
            {
                var basket = new Basket("EUR", lines);
                var exception = new PriceException(Guid.NewGuid(), lines[0].Sku, null, "STORE-1", new Money(price, "EUR"), "local price");
                var elsewhere = PricingEngine.Quote(basket, promotions, new PricingContext(SalesChannel.Store, "STORE-2", null, Now), [exception]);
                var web = PricingEngine.Quote(basket, promotions, new PricingContext(SalesChannel.Web, null, null, Now), [exception]);
                var there = PricingEngine.Quote(basket, promotions, new PricingContext(SalesChannel.Store, "STORE-1", null, Now), [exception]);
                return elsewhere.Total == web.Total
                    && there.Lines.Where(l => l.Sku == lines[0].Sku).All(l => l.PriceSource == PriceSource.Exception && l.BaseUnitPrice.Minor == price)
                    && there.Lines.Sum(l => l.Total.Minor) == there.Total.Minor;
            }, iter: 1_000);
    }

    private static readonly Gen<TaxRate> AnyRate =
        Gen.Select(Gen.Int[1, 99_999], Gen.Bool).Select((rate, inclusive) => new TaxRate("FR", null, "VAT", rate, inclusive));

    [Fact]
    public void With_tax_the_explanation_still_adds_up_to_the_cent_and_inclusive_tax_never_changes_the_total()
    {
        Gen.Select(AnyLine.Array[1, 20], AnyPromotion.Array[0, 30], AnyRate)
            .Sample((lines, promotions, rate) =>
            {
                var untaxed = PricingEngine.Quote(new Basket("EUR", lines), promotions, new PricingContext(SalesChannel.Web, null, null, Now));
                var quote = Taxes.Apply(untaxed, rate);
                if (quote.Lines.Sum(l => l.Total.Minor) != quote.Total.Minor) return false;
                if (quote.Lines.Sum(l => l.Tax.Minor) != quote.TaxTotal.Minor) return false;
                if (quote.Subtotal.Minor - quote.DiscountTotal.Minor + (rate.Inclusive ? 0 : quote.TaxTotal.Minor) != quote.Total.Minor) return false;
                if (rate.Inclusive && quote.Total != untaxed.Total) return false;
                foreach (var line in quote.Lines)
                {
                    if (line.Tax.Minor < 0 || (rate.Inclusive && line.Tax.Minor > line.Net.Minor)) return false;
                    if (line.Net.Minor + (rate.Inclusive ? 0 : line.Tax.Minor) != line.Total.Minor) return false;
                    // Within half a minor unit of the exact tax: net × r (on top) or gross × r / (1 + r) (inside).
                    var exact = rate.Inclusive
                        ? line.Net.Minor * (decimal)rate.RateMillipercent / (100_000 + rate.RateMillipercent)
                        : line.Net.Minor * (decimal)rate.RateMillipercent / 100_000;
                    if (Math.Abs(line.Tax.Minor - exact) > 0.5m) return false;
                }
                return true;
            }, iter: 2_000);
    }
}
