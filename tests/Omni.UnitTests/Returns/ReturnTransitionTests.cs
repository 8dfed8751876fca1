using Omni.Common;
using Omni.Common.Errors;
using Omni.Contracts.Payments;
using Omni.Returns.Domain;

namespace Omni.UnitTests.Returns;

public sealed class ReturnTransitionTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc);

    private static readonly HashSet<(ReturnStatus, ReturnStatus)> Allowed = [(ReturnStatus.Received, ReturnStatus.Refunded)];

    // By name: the status enum is internal, and a public theory cannot take it as a parameter.
    public static TheoryData<string, string> EveryPair()
    {
        var pairs = new TheoryData<string, string>();
        foreach (var from in Enum.GetNames<ReturnStatus>())
            foreach (var to in Enum.GetNames<ReturnStatus>())
                pairs.Add(from, to);
        return pairs;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void The_transition_table_allows_exactly_the_documented_moves(string from, string to)
    {
        var (f, t) = (Enum.Parse<ReturnStatus>(from), Enum.Parse<ReturnStatus>(to));
        Assert.Equal(Allowed.Contains((f, t)), Return.CanMove(f, t));
    }

    private static Return NewReturn() => new() { OrderNumber = "OM0000001", LocationCode = "STORE-1", Currency = "EUR", RefundTo = RefundDestination.OriginalTender };

    [Fact]
    public void A_return_is_refunded_once()
    {
        var @return = NewReturn();
        @return.AddLine(Guid.NewGuid(), "SKU-1", 1, ReturnCondition.Sellable, Disposition.Restock, null, new Money(1000, "EUR"));

        @return.MarkRefunded("ref-1", Now);

        Assert.Equal(ReturnStatus.Refunded, @return.Status);
        Assert.Equal("invalid_transition", Assert.Throws<DomainException>(() => @return.MarkRefunded("ref-2", Now)).Code);
        Assert.Equal("ref-1", @return.RefundReference);
    }

    [Theory]
    [InlineData(2000, 1500, 500, 0)]
    [InlineData(2000, 2000, 0, 0)]
    [InlineData(2000, 2500, 0, 500)]
    public void An_exchange_is_settled_against_the_returned_goods(long returned, long exchange, long refund, long due)
    {
        var @return = NewReturn();
        @return.AddLine(Guid.NewGuid(), "SKU-1", 1, ReturnCondition.Sellable, Disposition.Restock, null, new Money(returned, "EUR"));

        @return.SettleExchange(Guid.NewGuid(), "OM0000002", new Money(exchange, "EUR"));

        Assert.Equal(returned, @return.ReturnedValue.Minor);
        Assert.Equal(refund, @return.Refund.Minor);
        Assert.Equal(due, @return.BalanceDue.Minor);
    }
}
