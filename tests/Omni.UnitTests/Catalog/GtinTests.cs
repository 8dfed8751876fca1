using CsCheck;
using Omni.Catalog.Domain;

namespace Omni.UnitTests.Catalog;

public sealed class GtinTests
{
    [Theory]
    [InlineData("96385074")]        // GTIN-8
    [InlineData("036000291452")]    // GTIN-12 (UPC-A)
    [InlineData("4006381333931")]   // GTIN-13 (EAN)
    [InlineData("5901234123457")]
    [InlineData("05901234123457")]  // GTIN-14
    [InlineData("10614141000415")]
    [InlineData("00000000000000")]
    public void Published_GTINs_are_valid(string gtin) => Assert.True(Gtin.IsValid(gtin));

    [Theory]
    [InlineData("96385073")]
    [InlineData("036000291453")]
    [InlineData("4006381333932")]
    [InlineData("05901234123458")]
    public void A_wrong_check_digit_is_invalid(string gtin) => Assert.False(Gtin.IsValid(gtin));

    [Theory]
    [InlineData("")]
    [InlineData("1234567")]
    [InlineData("123456789")]
    [InlineData("12345678901")]
    [InlineData("123456789012345")]
    [InlineData("590123412345X")]
    [InlineData("590123412345 ")]
    [InlineData("５９０１２３４１２３４５７")]
    public void Other_lengths_and_non_digits_are_invalid(string gtin) => Assert.False(Gtin.IsValid(gtin));

    [Fact]
    public void Every_payload_has_exactly_one_valid_check_digit()
    {
        Gen.Int[0, 3].SelectMany(i => Gen.String[Gen.Char['0', '9'], new[] { 7, 11, 12, 13 }[i], new[] { 7, 11, 12, 13 }[i]]).Sample(payload =>
            Assert.Single(Enumerable.Range(0, 10), d => Gtin.IsValid(payload + (char)('0' + d))));
    }

    [Fact]
    public void A_single_mistyped_digit_is_always_caught()
    {
        Gen.String[Gen.Char['0', '9'], 12, 12].Select(Gen.Int[0, 12], Gen.Int[1, 9]).Sample((payload, position, shift) =>
        {
            var gtin = payload + Gtin.CheckDigit(payload);
            var typo = gtin.ToCharArray();
            typo[position] = (char)('0' + (typo[position] - '0' + shift) % 10);
            Assert.False(Gtin.IsValid(new string(typo)));
        });
    }

    [Fact]
    public void Padding_to_GTIN_14_keeps_a_GTIN_valid_and_identifies_it()
    {
        Assert.Equal("05901234123457", Gtin.ToGtin14("5901234123457"));
        Assert.Equal("00000096385074", Gtin.ToGtin14("96385074"));
        Assert.True(Gtin.IsValid(Gtin.ToGtin14("036000291452")));
    }
}
