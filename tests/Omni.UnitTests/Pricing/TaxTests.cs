using Omni.Common;
using Omni.Contracts;
using Omni.Pricing.Engine;

namespace Omni.UnitTests.Pricing;

public sealed class TaxTests
{
    private static readonly TaxRate FrenchVat = new("FR", null, "TVA", 20_000, Inclusive: true);
    private static readonly TaxRate California = new("US", "CA", "Sales tax", 7_250, Inclusive: false);
    private static readonly TaxRate UnitedStates = new("US", null, "Sales tax", 5_000, Inclusive: false);

    private static Quote Priced(params (long UnitMinor, int Quantity)[] lines) => PricingEngine.Quote(
        new Basket("EUR", [.. lines.Select((l, i) => new BasketLine($"S{i}", l.Quantity, new Money(l.UnitMinor, "EUR"), "c", "b"))]), [],
        new PricingContext(SalesChannel.Web, null, null, new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc)));

    [Theory]
    [InlineData(1200, 20_000, 200)]   // 12.00 incl. 20 % holds 2.00
    [InlineData(1999, 20_000, 333)]   // 19.99 / 1.2 = 16.658…, so 3.331… → 3.33
    [InlineData(1055, 5_500, 55)]     // 10.55 incl. 5.5 %: 0.5500… → 0.55
    [InlineData(0, 20_000, 0)]
    public void The_vat_inside_a_price_is_gross_times_rate_over_one_plus_rate_rounded_half_up(long gross, int rate, long expected) =>
        Assert.Equal(expected, Taxes.Included(gross, rate));

    [Theory]
    [InlineData(1000, 8_875, 89)]     // 0.8875 → 0.89
    [InlineData(1000, 7_250, 73)]     // 0.725 → 0.73: a half goes up
    [InlineData(199, 5_000, 10)]      // 0.0995 → 0.10
    [InlineData(0, 7_250, 0)]
    public void Sales_tax_on_top_is_net_times_rate_rounded_half_up(long net, int rate, long expected) =>
        Assert.Equal(expected, Taxes.Added(net, rate));

    [Fact]
    public void A_region_s_rate_wins_over_its_country_s_and_other_regions_fall_back_to_the_country()
    {
        TaxRate[] rates = [FrenchVat, UnitedStates, California];
        Assert.Same(California, Taxes.Find(rates, "US", "CA"));
        Assert.Same(California, Taxes.Find(rates, "us", "ca"));
        Assert.Same(UnitedStates, Taxes.Find(rates, "US", "NY"));
        Assert.Same(UnitedStates, Taxes.Find(rates, "US", null));
        Assert.Same(FrenchVat, Taxes.Find(rates, "FR", "75"));
        Assert.Null(Taxes.Find(rates, "DE", null));
        Assert.Null(Taxes.Find(rates, null, null));
        Assert.Null(Taxes.Find([California], "US", null));
    }

    [Fact]
    public void Vat_inclusive_prices_keep_their_total_and_show_the_vat_portion_per_line()
    {
        var quote = Taxes.Apply(Priced((1200, 2), (1999, 1)), FrenchVat);

        Assert.Equal(4399, quote.Total.Minor);
        Assert.Equal([400, 333], quote.Lines.Select(l => l.Tax.Minor));
        Assert.Equal(733, quote.TaxTotal.Minor);
        Assert.Equal([2400, 1999], quote.Lines.Select(l => l.Total.Minor));
        Assert.Same(FrenchVat, quote.Tax);
    }

    [Fact]
    public void Sales_tax_is_added_on_top_of_each_line()
    {
        var quote = Taxes.Apply(Priced((1000, 1), (1999, 3)), California);

        Assert.Equal([73, 435], quote.Lines.Select(l => l.Tax.Minor));   // 5997 × 7.25 % = 434.78…
        Assert.Equal([1073, 6432], quote.Lines.Select(l => l.Total.Minor));
        Assert.Equal(508, quote.TaxTotal.Minor);
        Assert.Equal(6997 + 508, quote.Total.Minor);
        Assert.Equal(6997, quote.Subtotal.Minor - quote.DiscountTotal.Minor);
    }

    [Fact]
    public void Without_a_rate_nothing_changes()
    {
        var quote = Priced((1000, 1));
        Assert.Same(quote, Taxes.Apply(quote, null));
        Assert.Equal(0, quote.TaxTotal.Minor);
        Assert.Null(quote.Tax);
    }
}
