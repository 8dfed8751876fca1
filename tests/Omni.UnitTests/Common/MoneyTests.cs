using Omni.Common;

namespace Omni.UnitTests.Common;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("19.99", "EUR", 1999)]
    [InlineData("19.9", "EUR", 1990)]
    [InlineData("0", "EUR", 0)]
    [InlineData("-4.50", "USD", -450)]
    [InlineData("1500", "JPY", 1500)]
    [InlineData("990", "KRW", 990)]
    [InlineData("1.234", "KWD", 1234)]
    [InlineData("0.001", "BHD", 1)]
    public void A_major_amount_with_at_most_the_currencys_decimals_converts_exactly(string amount, string currency, long minor)
    {
        Assert.True(Money.TryFromMajor(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency, out var money));
        Assert.Equal(new Money(minor, currency), money);
    }

    [Theory]
    [InlineData("19.999", "EUR")]
    [InlineData("1500.5", "JPY")]
    [InlineData("0.1", "CLP")]
    [InlineData("1.2345", "KWD")]
    [InlineData("10", "XXX")]
    [InlineData("10", "eur")]
    [InlineData("100000000000000000000", "EUR")]
    public void An_amount_finer_than_the_currency_or_in_an_unknown_currency_does_not_convert(string amount, string currency)
    {
        Assert.False(Money.TryFromMajor(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency, out var money));
        Assert.Equal(default, money);
    }

    [Theory]
    [InlineData("EUR")]
    [InlineData("KWD")]
    [InlineData("JPY")]
    public void An_amount_too_large_to_scale_does_not_convert_rather_than_throwing(string currency)
    {
        Assert.False(Money.TryFromMajor(decimal.MaxValue, currency, out _));
        Assert.False(Money.TryFromMajor(decimal.MinValue, currency, out _));
    }

    [Fact]
    public void Minor_units_go_back_to_major_by_the_currencys_exponent()
    {
        Assert.Equal(19.99m, new Money(1999, "EUR").Major);
        Assert.Equal(1500m, new Money(1500, "JPY").Major);
        Assert.Equal(1.234m, new Money(1234, "KWD").Major);
        Assert.Equal(new MoneyDto(19.99m, "EUR"), new Money(1999, "EUR").ToDto());
    }

    [Fact]
    public void Only_ISO_codes_in_use_are_known_currencies()
    {
        Assert.True(Money.IsKnownCurrency("EUR"));
        Assert.True(Money.IsKnownCurrency("JPY"));
        Assert.False(Money.IsKnownCurrency("EURO"));
        Assert.False(Money.IsKnownCurrency(null));
        Assert.Equal(0, Money.ExponentOf("JPY"));
        Assert.Equal(3, Money.ExponentOf("KWD"));
    }

    [Fact]
    public void Amounts_add_and_multiply_within_one_currency_and_never_overflow_silently()
    {
        Assert.Equal(new Money(2498, "EUR"), new Money(1999, "EUR") + new Money(499, "EUR"));
        Assert.Equal(new Money(5997, "EUR"), new Money(1999, "EUR").Times(3));
        Assert.Throws<InvalidOperationException>(() => new Money(1, "EUR") + new Money(1, "USD"));
        Assert.Throws<OverflowException>(() => new Money(long.MaxValue / 2, "EUR").Times(3));
        Assert.Throws<OverflowException>(() => new Money(long.MaxValue, "EUR") + new Money(1, "EUR"));
    }
}
