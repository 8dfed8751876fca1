using CsCheck;
using Omni.Common;
using Omni.Returns.Domain;

namespace Omni.UnitTests.Returns;

public sealed class RefundTests
{
    [Fact]
    public void Without_discounts_a_unit_refunds_its_unit_price() =>
        Assert.Equal(new Money(1999, "EUR"), Refunds.For(new Money(3 * 1999, "EUR"), bought: 3, returnedBefore: 1, quantity: 1));

    [Fact]
    public void A_discounted_line_refunds_its_paid_share_and_the_odd_cent_goes_once()
    {
        // Three units for 10.00 after a discount: 3.33, 3.34, 3.33 — never 3 × 3.33 (a lost cent) nor 3 × 3.34 (one too many).
        var paid = new Money(1000, "EUR");

        var refunds = new[] { Refunds.For(paid, 3, 0, 1), Refunds.For(paid, 3, 1, 1), Refunds.For(paid, 3, 2, 1) };

        Assert.Equal([333L, 334L, 333L], refunds.Select(r => r.Minor));
        Assert.Equal(1000, refunds.Sum(r => r.Minor));
    }

    [Fact]
    public void Returns_of_a_line_in_any_split_add_up_to_what_was_paid() =>
        Gen.Select(Gen.Long[0, 10_000_000], Gen.Int[1, 50]).SelectMany((paid, bought) =>
                Gen.Int[1, bought].List[1, bought].Select(parts => (paid, bought, parts)))
            .Sample(t =>
            {
                var (paid, bought, parts) = t;
                var returned = 0;
                var total = 0L;
                foreach (var part in parts)
                {
                    var quantity = Math.Min(part, bought - returned);
                    if (quantity == 0) break;
                    var refund = Refunds.For(new Money(paid, "EUR"), bought, returned, quantity).Minor;
                    Assert.InRange(refund, 0, paid);
                    total += refund;
                    returned += quantity;
                }
                if (returned < bought) total += Refunds.For(new Money(paid, "EUR"), bought, returned, bought - returned).Minor;
                Assert.Equal(paid, total);
            });

    [Theory]
    [InlineData(3, 2, 2)]
    [InlineData(3, 0, 0)]
    [InlineData(3, -1, 1)]
    public void Refunding_more_than_is_left_of_a_line_is_a_bug_not_a_refund(int bought, int before, int quantity) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Refunds.For(new Money(300, "EUR"), bought, before, quantity));
}
