using Omni.Common;
using Omni.Common.Errors;
using Omni.Contracts.Orders;
using Omni.Orders.Domain;

namespace Omni.UnitTests.Orders;

public sealed class OrderTransitionTests
{
    private static readonly DateTime Now = new(2025, 3, 1, 10, 0, 0, DateTimeKind.Utc);

    private static readonly HashSet<(OrderStatus, OrderStatus)> Allowed =
    [
        (OrderStatus.Accepted, OrderStatus.Fulfilling),
        (OrderStatus.Accepted, OrderStatus.Completed),
        (OrderStatus.Accepted, OrderStatus.Cancelled),
        (OrderStatus.Fulfilling, OrderStatus.Completed),
    ];

    // By name: the status enum is internal, and a public theory cannot take it as a parameter.
    public static TheoryData<string, string> EveryPair()
    {
        var pairs = new TheoryData<string, string>();
        foreach (var from in Enum.GetNames<OrderStatus>())
            foreach (var to in Enum.GetNames<OrderStatus>())
                pairs.Add(from, to);
        return pairs;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void The_transition_table_allows_exactly_the_documented_moves(string from, string to)
    {
        var (source, target) = (Enum.Parse<OrderStatus>(from), Enum.Parse<OrderStatus>(to));
        Assert.Equal(Allowed.Contains((source, target)), Order.CanMove(source, target));
    }

    [Fact]
    public void A_new_order_is_accepted()
    {
        Assert.Equal(OrderStatus.Accepted, NewOrder().Status);
    }

    [Fact]
    public void Cancelling_an_accepted_order_closes_it_with_the_reason_and_bumps_its_version()
    {
        var order = NewOrder();

        order.Cancel("changed my mind", Now);

        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Equal("changed my mind", order.CancelReason);
        Assert.Equal(Now, order.ClosedAt);
        Assert.Equal(1, order.Version);
    }

    [Fact]
    public void A_completed_order_cannot_be_cancelled()
    {
        var order = NewOrder();
        order.CompleteAtTill(Now);

        var refused = Assert.Throws<DomainException>(() => order.Cancel("too late", Now));

        Assert.Equal("order_not_cancellable", refused.Code);
        Assert.Equal(409, refused.Status);
        Assert.Equal(OrderStatus.Completed, order.Status);
        Assert.Null(order.CancelReason);
    }

    [Fact]
    public void A_cancelled_order_cannot_be_cancelled_again()
    {
        var order = NewOrder();
        order.Cancel("first", Now);

        var refused = Assert.Throws<DomainException>(() => order.Cancel("second", Now.AddMinutes(1)));

        Assert.Equal("order_not_cancellable", refused.Code);
        Assert.Equal("first", order.CancelReason);
        Assert.Equal(Now, order.ClosedAt);
        Assert.Equal(1, order.Version);
    }

    [Fact]
    public void A_cancelled_order_cannot_be_completed_at_the_till()
    {
        var order = NewOrder();
        order.Cancel(null, Now);

        Assert.Equal("invalid_transition", Assert.Throws<DomainException>(() => order.CompleteAtTill(Now)).Code);
    }

    [Fact]
    public void Lines_add_up_to_the_total_and_a_line_in_another_currency_is_refused()
    {
        var order = NewOrder();

        order.AddLine("TEE-M", "TEE", "Tee M", 2, new Money(1999, "EUR"), FulfillmentMethod.Ship, null);
        order.AddLine("MUG", "MUG", "Mug", 1, new Money(500, "EUR"), FulfillmentMethod.Pickup, "STORE-1");
        var refused = Assert.Throws<DomainException>(() => order.AddLine("CAP", "CAP", "Cap", 1, new Money(1000, "USD"), FulfillmentMethod.Ship, null));

        Assert.Equal(new Money(4498, "EUR"), order.Total);
        Assert.Equal([1, 2], order.Lines.Select(l => l.LineNumber));
        Assert.Equal("mixed_currency", refused.Code);
    }

    private static Order NewOrder() => new() { Currency = "EUR", PlacedAt = Now };
}
