using Omni.Common;
using Omni.Contracts;
using Omni.Pricing.Engine;

namespace Omni.UnitTests.Pricing;

public sealed class PricingEngineTests
{
    private static readonly DateTime Now = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly PricingContext Web = new(SalesChannel.Web, null, null, Now);

    private static Money Eur(long minor) => new(minor, "EUR");

    private static BasketLine Line(string sku, int quantity, long unitMinor, string category = "apparel/tops", string brand = "Omni") =>
        new(sku, quantity, Eur(unitMinor), category, brand);

    private static Basket Basket(params BasketLine[] lines) => new("EUR", lines);

    private static Promotion Percent(string code, decimal percent, TargetType target = TargetType.Cart, string[]? values = null, int priority = 0, Stacking stacking = Stacking.Stackable) =>
        new(Guid.NewGuid(), code, code, PromotionKind.PercentOff, target, values ?? [], PercentBasisPoints: (int)(percent * 100), Priority: priority, Stacking: stacking);

    private static Promotion AmountOff(string code, long minor, TargetType target = TargetType.Cart, string[]? values = null, int priority = 0, Stacking stacking = Stacking.Stackable) =>
        new(Guid.NewGuid(), code, code, PromotionKind.AmountOff, target, values ?? [], Amount: Eur(minor), Priority: priority, Stacking: stacking);

    private static void AssertAddsUp(Quote quote)
    {
        Assert.Equal(quote.Total.Minor, quote.Lines.Sum(l => l.Total.Minor));
        Assert.Equal(quote.Subtotal.Minor, quote.Lines.Sum(l => l.Subtotal.Minor));
        Assert.Equal(quote.DiscountTotal.Minor, quote.Lines.Sum(l => l.Adjustments.Sum(a => a.Amount.Minor)));
        Assert.Equal(quote.DiscountTotal.Minor, quote.Promotions.Sum(p => p.Amount.Minor));
        Assert.Equal(quote.Subtotal.Minor - quote.DiscountTotal.Minor, quote.Total.Minor);
        foreach (var line in quote.Lines)
        {
            Assert.Equal(line.Subtotal.Minor - line.Adjustments.Sum(a => a.Amount.Minor), line.Total.Minor);
            Assert.True(line.Total.Minor >= 0);
        }
    }

    [Fact]
    public void Without_promotions_a_basket_costs_its_catalog_price()
    {
        var quote = PricingEngine.Quote(Basket(Line("A", 2, 1999), Line("B", 1, 500)), [], Web);
        Assert.Equal(4498, quote.Total.Minor);
        Assert.Equal(0, quote.DiscountTotal.Minor);
        Assert.All(quote.Lines, l => Assert.Equal(PriceSource.Catalog, l.PriceSource));
    }

    [Fact]
    public void Percent_off_a_sku_discounts_only_that_line_rounded_half_up()
    {
        var quote = PricingEngine.Quote(Basket(Line("A", 1, 1999), Line("B", 1, 1000)), [Percent("TEN", 10, TargetType.Sku, ["a"])], Web);
        Assert.Equal(200, quote.Lines[0].Discount.Minor); // 199.9 → 200
        Assert.Empty(quote.Lines[1].Adjustments);
        AssertAddsUp(quote);
    }

    [Fact]
    public void Percent_off_a_category_matches_whole_path_segments()
    {
        var basket = Basket(Line("A", 1, 1000, "apparel/tops"), Line("B", 1, 1000, "apparel-outlet/tops"), Line("C", 1, 1000, "apparel"));
        var quote = PricingEngine.Quote(basket, [Percent("APP", 20, TargetType.Category, ["apparel"])], Web);
        Assert.Equal([200L, 0L, 200L], quote.Lines.Select(l => l.Discount.Minor));
    }

    [Fact]
    public void Amount_off_a_brand_is_per_unit_and_never_below_zero()
    {
        var basket = Basket(Line("A", 3, 1000, brand: "Acme"), Line("B", 1, 300, brand: "Acme"), Line("C", 1, 1000, brand: "Other"));
        var quote = PricingEngine.Quote(basket, [AmountOff("ACME5", 500, TargetType.Brand, ["acme"])], Web);
        Assert.Equal([1500L, 300L, 0L], quote.Lines.Select(l => l.Discount.Minor));
        AssertAddsUp(quote);
    }

    [Fact]
    public void A_cart_amount_is_spread_over_lines_by_largest_remainder_and_adds_up_exactly()
    {
        // 10.00 over three equal lines: 3.33 each and the one leftover cent to the first line (ties go to the earlier line).
        var quote = PricingEngine.Quote(Basket(Line("A", 1, 1000), Line("B", 1, 1000), Line("C", 1, 1000)), [AmountOff("TEN", 1000)], Web);
        Assert.Equal([334L, 333L, 333L], quote.Lines.Select(l => l.Discount.Minor));
        Assert.Equal(1000, quote.DiscountTotal.Minor);
        AssertAddsUp(quote);
    }

    [Fact]
    public void Largest_remainder_gives_the_leftover_cents_to_the_largest_fractions()
    {
        // 1.00 over 1.00, 2.00, 3.00, 4.00: exact shares 10, 20, 30, 40 — no leftover; over 7.00, 7.00, 1.00: 46.67, 46.67, 6.67.
        Assert.Equal([10L, 20L, 30L, 40L], PricingEngine.Apportion(100, [100, 200, 300, 400]));
        Assert.Equal([47L, 47L, 6L], PricingEngine.Apportion(100, [700, 700, 100]));
        Assert.Equal([1L, 0L, 0L], PricingEngine.Apportion(1, [1, 1, 1]));
    }

    [Fact]
    public void A_cart_percent_is_rounded_once_for_the_cart_then_allocated()
    {
        // Per line 15 % of 0.33 would round to 0.05 three times (0.15); once for the cart it is 0.99 × 15 % = 0.1485 → 0.15.
        var quote = PricingEngine.Quote(Basket(Line("A", 1, 33), Line("B", 1, 33), Line("C", 1, 33)), [Percent("P15", 15)], Web);
        Assert.Equal(15, quote.DiscountTotal.Minor);
        AssertAddsUp(quote);
    }

    [Fact]
    public void Buy_two_get_one_makes_the_cheapest_unit_free()
    {
        var b2g1 = new Promotion(Guid.NewGuid(), "B2G1", "3 for 2", PromotionKind.BuyXGetY, TargetType.Category, ["apparel"], BuyQuantity: 2, GetQuantity: 1);
        var quote = PricingEngine.Quote(Basket(Line("A", 1, 3000), Line("B", 1, 1000), Line("C", 1, 2000)), [b2g1], Web);
        Assert.Equal([0L, 1000L, 0L], quote.Lines.Select(l => l.Discount.Minor));
        Assert.Equal(NotAppliedReason.NotCheapestUnits, quote.Lines[0].NotApplied.Single().Reason);
        AssertAddsUp(quote);
    }

    [Fact]
    public void Buy_one_get_one_half_price_over_several_units_of_one_line()
    {
        var bogo = new Promotion(Guid.NewGuid(), "BOGO50", "2nd half price", PromotionKind.BuyXGetY, TargetType.Sku, ["A"], BuyQuantity: 1, GetQuantity: 1, GetPercentBasisPoints: 5000);
        var quote = PricingEngine.Quote(Basket(Line("A", 5, 999)), [bogo], Web);
        Assert.Equal(999, quote.Lines[0].Discount.Minor); // two units at half price: 1998 × 50 %
        var tooFew = PricingEngine.Quote(Basket(Line("A", 1, 999)), [bogo], Web);
        Assert.Equal(NotAppliedReason.QuantityNotMet, tooFew.Lines[0].NotApplied.Single().Reason);
    }

    [Fact]
    public void A_spend_threshold_applies_only_once_the_spend_is_reached()
    {
        var threshold = new Promotion(Guid.NewGuid(), "SPEND50", "10 off 50", PromotionKind.SpendThreshold, TargetType.Cart, [], Amount: Eur(1000), Threshold: Eur(5000));
        var below = PricingEngine.Quote(Basket(Line("A", 1, 4999)), [threshold], Web);
        Assert.Equal(0, below.DiscountTotal.Minor);
        Assert.Equal(NotAppliedReason.ThresholdNotMet, below.Lines[0].NotApplied.Single().Reason);
        var above = PricingEngine.Quote(Basket(Line("A", 1, 2500), Line("B", 1, 2600)), [threshold], Web);
        Assert.Equal(1000, above.DiscountTotal.Minor);
        AssertAddsUp(above);
    }

    [Fact]
    public void Scope_by_channel_location_tier_and_window_is_explained_per_line()
    {
        var start = Now.AddDays(1);
        var promotions = new[]
        {
            Percent("STORE-ONLY", 10) with { Channels = [SalesChannel.Store] },
            Percent("PARIS", 10) with { Locations = ["PARIS-01"] },
            Percent("GOLD", 10) with { LoyaltyTiers = ["gold"] },
            Percent("LATER", 10) with { StartsAt = start },
            Percent("OVER", 10) with { EndsAt = Now },
            Percent("OFF", 10) with { Active = false },
        };
        var quote = PricingEngine.Quote(Basket(Line("A", 1, 1000)), promotions, Web);
        Assert.Equal(0, quote.DiscountTotal.Minor);
        var reasons = quote.Lines[0].NotApplied.ToDictionary(n => n.Code, n => n.Reason);
        Assert.Equal(NotAppliedReason.ChannelOutOfScope, reasons["STORE-ONLY"]);
        Assert.Equal(NotAppliedReason.LocationOutOfScope, reasons["PARIS"]);
        Assert.Equal(NotAppliedReason.LoyaltyTierOutOfScope, reasons["GOLD"]);
        Assert.Equal(NotAppliedReason.NotYetValid, reasons["LATER"]);
        Assert.Equal(NotAppliedReason.Expired, reasons["OVER"]);
        Assert.Equal(NotAppliedReason.Inactive, reasons["OFF"]);

        var inParisForGold = PricingEngine.Quote(Basket(Line("A", 1, 1000)), promotions, new PricingContext(SalesChannel.Store, "paris-01", "GOLD", start));
        Assert.Equal(["GOLD", "LATER", "PARIS", "STORE-ONLY"], inParisForGold.Lines[0].Adjustments.Select(a => a.Code));
    }

    [Fact]
    public void Higher_priority_runs_first_and_an_exclusive_promotion_stops_lower_ones_on_its_lines()
    {
        var promotions = new[]
        {
            Percent("LOW", 10, priority: 1),
            Percent("EXCL", 50, TargetType.Sku, ["A"], priority: 10, stacking: Stacking.Exclusive),
            AmountOff("HIGH", 100, TargetType.Sku, ["A"], priority: 20),
        };
        var quote = PricingEngine.Quote(Basket(Line("A", 1, 1000), Line("B", 1, 1000)), promotions, Web);
        var a = quote.Lines[0];
        Assert.Equal(["HIGH", "EXCL"], a.Adjustments.Select(x => x.Code));
        Assert.Equal([100L, 450L], a.Adjustments.Select(x => x.Amount.Minor)); // 50 % of what is left after HIGH
        var blocked = Assert.Single(a.NotApplied);
        Assert.Equal((NotAppliedReason.BlockedByExclusive, "EXCL"), (blocked.Reason, blocked.BlockedBy));
        Assert.Equal(["LOW"], quote.Lines[1].Adjustments.Select(x => x.Code)); // the cart promotion still reaches B
        Assert.Equal(100, quote.Lines[1].Discount.Minor);
        AssertAddsUp(quote);
    }

    [Fact]
    public void Stackable_promotions_compound_on_what_is_left()
    {
        var quote = PricingEngine.Quote(Basket(Line("A", 1, 1000)), [Percent("P10", 10, priority: 2), Percent("P20", 20, priority: 1)], Web);
        Assert.Equal([100L, 180L], quote.Lines[0].Adjustments.Select(x => x.Amount.Minor));
        Assert.Equal(720, quote.Total.Minor);
    }

    [Fact]
    public void Equal_priorities_are_ordered_by_code_so_the_result_is_deterministic()
    {
        var p1 = AmountOff("B-FIRST?", 100);
        var p2 = Percent("A-FIRST", 50);
        var one = PricingEngine.Quote(Basket(Line("A", 1, 1000)), [p1, p2], Web);
        var other = PricingEngine.Quote(Basket(Line("A", 1, 1000)), [p2, p1], Web);
        Assert.Equal(["A-FIRST", "B-FIRST?"], one.Lines[0].Adjustments.Select(x => x.Code));
        Assert.Equal(one.Total, other.Total);
        Assert.Equal(400, one.Total.Minor);
    }

    [Fact]
    public void A_store_price_exception_replaces_the_catalog_price_only_in_that_store_and_is_reported()
    {
        var exceptions = new[]
        {
            new PriceException(Guid.NewGuid(), "A", null, "PARIS-01", Eur(900), "clearance in Paris"),
            new PriceException(Guid.NewGuid(), "A", SalesChannel.Marketplace, null, Eur(1100), "marketplace fees"),
        };
        var basket = Basket(Line("A", 2, 1000));
        var paris = PricingEngine.Quote(basket, [], new PricingContext(SalesChannel.Store, "PARIS-01", null, Now), exceptions);
        var lyon = PricingEngine.Quote(basket, [], new PricingContext(SalesChannel.Store, "LYON-01", null, Now), exceptions);
        var market = PricingEngine.Quote(basket, [], new PricingContext(SalesChannel.Marketplace, null, null, Now), exceptions);
        Assert.Equal((1800L, PriceSource.Exception, "clearance in Paris"), (paris.Total.Minor, paris.Lines[0].PriceSource, paris.Lines[0].PriceExceptionReason));
        Assert.Equal((2000L, PriceSource.Catalog), (lyon.Total.Minor, lyon.Lines[0].PriceSource));
        Assert.Equal(2200, market.Total.Minor);
        Assert.Equal(1000, paris.Lines[0].CatalogUnitPrice.Minor);
    }

    [Fact]
    public void An_amount_promotion_in_another_currency_does_not_apply()
    {
        var usd = new Promotion(Guid.NewGuid(), "USD5", "5 off", PromotionKind.AmountOff, TargetType.Cart, [], Amount: new Money(500, "USD"));
        var quote = PricingEngine.Quote(Basket(Line("A", 1, 1000)), [usd], Web);
        Assert.Equal(NotAppliedReason.CurrencyMismatch, quote.Lines[0].NotApplied.Single().Reason);
    }

    [Fact]
    public void A_coupon_only_promotion_runs_only_when_its_coupon_is_presented_and_is_otherwise_not_mentioned()
    {
        var coupon = Percent("COUPON-10", 10) with { CouponOnly = true };
        var basket = Basket(Line("A", 1, 10_00));

        var without = PricingEngine.Quote(basket, [coupon], Web);
        var with = PricingEngine.Quote(basket, [coupon], Web with { CouponPromotions = new HashSet<Guid> { coupon.Id } });

        Assert.Equal(10_00, without.Total.Minor);
        Assert.Empty(without.Lines[0].NotApplied);
        Assert.Equal(9_00, with.Total.Minor);
        Assert.Equal("COUPON-10", Assert.Single(with.Promotions).Code);
    }

    [Fact]
    public void A_till_price_is_the_base_price_no_exception_replaces_and_promotions_still_reduce()
    {
        var line = Line("A", 2, 10_00) with { TillUnitPrice = Eur(8_00) };
        var exception = new PriceException(Guid.NewGuid(), "A", SalesChannel.Store, null, Eur(7_00), "store price");

        var quote = PricingEngine.Quote(Basket(line), [Percent("TEN", 10)], new PricingContext(SalesChannel.Store, "S1", null, Now), [exception]);

        Assert.Equal(PriceSource.Till, quote.Lines[0].PriceSource);
        Assert.Equal(8_00, quote.Lines[0].BaseUnitPrice.Minor);
        Assert.Equal(14_40, quote.Total.Minor);
        AssertAddsUp(quote);
    }
}
