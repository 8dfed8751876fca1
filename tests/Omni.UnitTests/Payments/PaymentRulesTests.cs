using CsCheck;
using Omni.Payments.Domain;

namespace Omni.UnitTests.Payments;

public sealed class PaymentRulesTests
{
    private const int Max = 4;

    /// <summary>Every reachable payment with totals up to <see cref="Max"/> minor units: captured + voided ≤ authorized, refunded ≤ captured.</summary>
    private static IEnumerable<PaymentAmounts> States() =>
        from authorized in Enumerable.Range(0, Max + 1)
        from captured in Enumerable.Range(0, authorized + 1)
        from voided in Enumerable.Range(0, authorized - captured + 1)
        from refunded in Enumerable.Range(0, captured + 1)
        select new PaymentAmounts(authorized, captured, refunded, voided);

    private static IEnumerable<(PaymentAmounts State, long Amount)> Table() =>
        from state in States() from amount in Enumerable.Range(-1, Max + 3) select (state, (long)amount);

    [Fact]
    public void A_capture_or_void_is_allowed_exactly_when_it_fits_in_what_is_open()
    {
        foreach (var (state, amount) in Table())
        {
            var expected = amount <= 0 ? PaymentRules.InvalidAmount
                : state.Captured + state.Voided + amount > state.Authorized ? PaymentRules.CaptureExceedsAuthorized : null;
            Assert.Equal(expected, PaymentRules.CheckCapture(state, amount));
            Assert.Equal(expected, PaymentRules.CheckVoid(state, amount));
        }
    }

    [Fact]
    public void A_refund_is_allowed_exactly_when_it_fits_in_what_was_captured_and_not_refunded()
    {
        foreach (var (state, amount) in Table())
        {
            var expected = amount <= 0 ? PaymentRules.InvalidAmount
                : state.Refunded + amount > state.Captured ? PaymentRules.RefundExceedsCaptured : null;
            Assert.Equal(expected, PaymentRules.CheckRefund(state, amount));
        }
    }

    [Fact]
    public void Every_allowed_move_keeps_the_invariants_and_every_refused_one_would_break_them()
    {
        foreach (var (state, amount) in Table().Where(x => x.Amount > 0))
        {
            Assert.Equal(PaymentRules.CheckCapture(state, amount) is null, Holds(state with { Captured = state.Captured + amount }));
            Assert.Equal(PaymentRules.CheckVoid(state, amount) is null, Holds(state with { Voided = state.Voided + amount }));
            Assert.Equal(PaymentRules.CheckRefund(state, amount) is null, Holds(state with { Refunded = state.Refunded + amount }));
        }
    }

    [Fact]
    public void A_fulfillment_captures_what_it_is_worth_but_never_more_than_is_open()
    {
        foreach (var (state, owed) in Table())
        {
            var capture = PaymentRules.CaptureFor(state, owed);
            Assert.Equal(Math.Max(0, Math.Min(owed, state.Open)), capture);
            if (capture > 0) Assert.Null(PaymentRules.CheckCapture(state, capture));
        }
    }

    [Fact]
    public void Money_no_longer_owed_is_voided_while_open_and_refunded_once_captured()
    {
        foreach (var (state, owed) in Table())
        {
            var release = PaymentRules.ReleaseFor(state, owed);
            Assert.Equal(Math.Max(0, Math.Min(owed, state.Open)), release.Void);
            Assert.Equal(Math.Max(0, Math.Min(owed - release.Void, state.Kept)), release.Refund);
            var after = state with { Voided = state.Voided + release.Void, Refunded = state.Refunded + release.Refund };
            Assert.True(Holds(after));
            Assert.True(release.Void + release.Refund <= Math.Max(0, owed));
        }
    }

    [Theory]
    [InlineData(10, 0, 0, 0, "Authorized")]
    [InlineData(10, 4, 0, 0, "PartiallyCaptured")]
    [InlineData(10, 4, 0, 6, "Captured")]
    [InlineData(10, 10, 0, 0, "Captured")]
    [InlineData(10, 10, 3, 0, "PartiallyRefunded")]
    [InlineData(10, 10, 10, 0, "Refunded")]
    [InlineData(10, 4, 4, 0, "PartiallyRefunded")]
    [InlineData(10, 4, 4, 6, "Refunded")]
    [InlineData(10, 0, 0, 10, "Voided")]
    [InlineData(10, 0, 0, 4, "Authorized")]
    [InlineData(0, 0, 0, 0, "Authorized")]
    public void The_status_says_where_the_money_stands(long authorized, long captured, long refunded, long voided, string expected) =>
        Assert.Equal(expected, PaymentRules.StatusOf(new PaymentAmounts(authorized, captured, refunded, voided)).ToString());

    [Fact]
    public void Any_sequence_of_allowed_moves_leaves_the_customer_with_captured_minus_refunded()
    {
        var moves = Gen.Select(Gen.Int[0, 3], Gen.Long[1, 50]).Array[0, 30];
        Gen.Select(Gen.Long[0, 500], moves).Sample((authorized, sequence) =>
        {
            var state = new PaymentAmounts(authorized, 0, 0, 0);
            long paid = 0;
            foreach (var (kind, amount) in sequence)
            {
                switch (kind)
                {
                    case 0 when PaymentRules.CheckCapture(state, amount) is null: state = state with { Captured = state.Captured + amount }; paid += amount; break;
                    case 1 when PaymentRules.CheckVoid(state, amount) is null: state = state with { Voided = state.Voided + amount }; break;
                    case 2 when PaymentRules.CheckRefund(state, amount) is null: state = state with { Refunded = state.Refunded + amount }; paid -= amount; break;
                    case 3:
                        var release = PaymentRules.ReleaseFor(state, amount);
                        state = state with { Voided = state.Voided + release.Void, Refunded = state.Refunded + release.Refund };
                        paid -= release.Refund;
                        break;
                }
                Assert.True(Holds(state));
            }
            Assert.Equal(paid, state.Kept);
        });
    }

    private static bool Holds(PaymentAmounts a) =>
        a.Captured >= 0 && a.Voided >= 0 && a.Refunded >= 0 && a.Captured + a.Voided <= a.Authorized && a.Refunded <= a.Captured;
}
