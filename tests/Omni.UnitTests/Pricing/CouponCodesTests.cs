using Omni.Pricing.Coupons;

namespace Omni.UnitTests.Pricing;

public sealed class CouponCodesTests
{
    [Fact]
    public void Generated_codes_are_two_groups_of_four_without_look_alike_characters()
    {
        for (var i = 0; i < 1_000; i++)
        {
            var code = CouponCodes.Generate(null);
            Assert.Matches("^[2-9A-Z]{4}-[2-9A-Z]{4}$", code);
            Assert.DoesNotContain(code, c => "01OILU".Contains(c, StringComparison.Ordinal));
        }
        Assert.StartsWith("SPRING-", CouponCodes.Generate("SPRING"), StringComparison.Ordinal);
    }

    [Fact]
    public void Ten_thousand_generated_codes_are_all_different()
    {
        var codes = Enumerable.Range(0, 10_000).Select(_ => CouponCodes.Generate(null)).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData(" abcd-efgh ", "ABCD-EFGH")]
    [InlineData("abcd efgh", "ABCDEFGH")]
    [InlineData("Spring10", "SPRING10")]
    public void What_a_customer_types_is_matched_without_regard_to_case_or_spaces(string typed, string stored) =>
        Assert.Equal(stored, CouponCodes.Normalize(typed));

    [Fact]
    public void Per_customer_limits_count_by_id_when_known_else_by_e_mail()
    {
        var id = Guid.NewGuid();
        Assert.Equal($"id:{id:D}", CouponCodes.CustomerKey(id, "ana@example.com"));
        Assert.Equal("email:ana@example.com", CouponCodes.CustomerKey(null, " Ana@Example.com "));
        Assert.Null(CouponCodes.CustomerKey(null, " "));
    }
}
