using Omni.Common;
using Omni.Common.Errors;
using Omni.Contracts.Orders;
using Omni.Orders.Domain;
using static Omni.Orders.Domain.FulfillmentStatus;

namespace Omni.UnitTests.Orders;

public sealed class FulfillmentTransitionTests
{
    private static readonly DateTime Now = new(2025, 3, 1, 10, 0, 0, DateTimeKind.Utc);

    private static readonly Dictionary<FulfillmentMethod, HashSet<(FulfillmentStatus, FulfillmentStatus)>> Allowed = new()
    {
        [FulfillmentMethod.Ship] =
        [
            (Allocated, Picking), (Allocated, Cancelled), (Picking, Packed), (Picking, Cancelled),
            (Packed, Shipped), (Packed, Cancelled), (Shipped, Delivered),
        ],
        [FulfillmentMethod.Pickup] =
        [
            (Allocated, Picking), (Allocated, Cancelled), (Picking, ReadyForPickup), (Picking, Cancelled),
            (ReadyForPickup, PickedUp), (ReadyForPickup, Expired), (ReadyForPickup, Cancelled),
        ],
        [FulfillmentMethod.Curbside] =
        [
            (Allocated, Picking), (Allocated, Cancelled), (Picking, ReadyForPickup), (Picking, Cancelled),
            (ReadyForPickup, CustomerArrived), (ReadyForPickup, PickedUp), (ReadyForPickup, Expired), (ReadyForPickup, Cancelled),
            (CustomerArrived, PickedUp), (CustomerArrived, Cancelled),
        ],
        [FulfillmentMethod.ShipToStore] =
        [
            (Allocated, Picking), (Allocated, Cancelled), (Picking, Packed), (Picking, Cancelled), (Packed, InTransit), (Packed, Cancelled),
            (InTransit, ReceivedAtStore), (ReceivedAtStore, ReadyForPickup), (ReceivedAtStore, Cancelled),
            (ReadyForPickup, PickedUp), (ReadyForPickup, Expired), (ReadyForPickup, Cancelled),
        ],
        [FulfillmentMethod.CarryOut] = [(Allocated, PickedUp), (Allocated, Cancelled)],
    };

    // By name: the status enum is internal, and a public theory cannot take it as a parameter.
    public static TheoryData<FulfillmentMethod, string, string> EveryMove()
    {
        var moves = new TheoryData<FulfillmentMethod, string, string>();
        foreach (var method in Enum.GetValues<FulfillmentMethod>())
            foreach (var from in Enum.GetNames<FulfillmentStatus>())
                foreach (var to in Enum.GetNames<FulfillmentStatus>())
                    moves.Add(method, from, to);
        return moves;
    }

    [Theory]
    [MemberData(nameof(EveryMove))]
    public void Each_method_s_table_allows_exactly_the_documented_moves(FulfillmentMethod method, string from, string to)
    {
        var (source, target) = (Enum.Parse<FulfillmentStatus>(from), Enum.Parse<FulfillmentStatus>(to));
        Assert.Equal(Allowed[method].Contains((source, target)), Fulfillment.CanMove(method, source, target));
    }

    [Theory]
    [MemberData(nameof(EveryMove))]
    public void Every_verb_moves_exactly_where_the_table_allows_and_changes_nothing_when_refused(FulfillmentMethod method, string from, string to)
    {
        var (source, target) = (Enum.Parse<FulfillmentStatus>(from), Enum.Parse<FulfillmentStatus>(to));
        if (!Reach(method, source, out var fulfillment)) return; // a status this method never passes through
        var version = fulfillment.Version;
        var verb = Verb(fulfillment, target);
        if (verb is null) return; // no verb leads there (allocated); covered by the table test

        if (Allowed[method].Contains((source, target)))
        {
            verb();
            Assert.Equal(target, fulfillment.Status);
            Assert.Equal(version + 1, fulfillment.Version);
        }
        else
        {
            var refused = Assert.Throws<DomainException>(verb);
            Assert.Equal("invalid_transition", refused.Code);
            Assert.Equal(409, refused.Status);
            Assert.Equal(source, fulfillment.Status);
            Assert.Equal(version, fulfillment.Version);
        }
    }

    [Fact]
    public void A_short_pick_keeps_what_was_found_and_reports_what_is_missing()
    {
        var f = New(FulfillmentMethod.Pickup, out var a, out _);

        var shortages = f.Pick(new Dictionary<Guid, int> { [a] = 1 }, Now);

        Assert.Equal(Picking, f.Status);
        var (line, missing) = Assert.Single(shortages);
        Assert.Equal(a, line.OrderLineId);
        Assert.Equal(2, missing);
        Assert.Equal([1, 2], f.Lines.Select(l => l.Quantity));
        Assert.Equal([2, 0], f.Lines.Select(l => l.ShortQuantity));
        Assert.Equal(new Money(1500, "EUR"), f.Amount);
    }

    [Fact]
    public void A_pick_that_found_nothing_cancels_the_fulfillment()
    {
        var f = New(FulfillmentMethod.Ship, out var a, out var b);

        var shortages = f.Pick(new Dictionary<Guid, int> { [a] = 0, [b] = 0 }, Now);

        Assert.Equal(Cancelled, f.Status);
        Assert.Equal(2, shortages.Count);
        Assert.True(f.IsClosed);
    }

    [Fact]
    public void Picking_more_than_allocated_or_an_unknown_line_is_invalid_input()
    {
        var f = New(FulfillmentMethod.Ship, out var a, out _);

        Assert.Equal(400, Assert.Throws<DomainException>(() => f.Pick(new Dictionary<Guid, int> { [a] = 4 }, Now)).Status);
        Assert.Equal(400, Assert.Throws<DomainException>(() => f.Pick(new Dictionary<Guid, int> { [Guid.NewGuid()] = 1 }, Now)).Status);
        Assert.Equal(Allocated, f.Status);
        Assert.Equal([3, 2], f.Lines.Select(l => l.Quantity));
    }

    [Fact]
    public void A_pickup_is_handed_over_only_with_its_code_which_is_then_cleared()
    {
        var f = New(FulfillmentMethod.Pickup, out _, out _);
        f.Pick(new Dictionary<Guid, int>(), Now);
        f.Ready("ABC234", Now.AddDays(7), Now);

        Assert.Equal("wrong_pickup_code", Assert.Throws<DomainException>(() => f.HandOver("ABC235", Now)).Code);
        Assert.Equal(400, Assert.Throws<DomainException>(() => f.HandOver(null, Now)).Status);
        Assert.Equal(ReadyForPickup, f.Status);

        f.HandOver(" abc234 ", Now);

        Assert.Equal(PickedUp, f.Status);
        Assert.Null(f.PickupCode);
        Assert.Equal(Now, f.ClosedAt);
        Assert.True(f.ReachedCustomer);
    }

    [Fact]
    public void A_ship_to_store_parcel_is_on_the_origin_s_books_until_its_store_receives_it()
    {
        var f = New(FulfillmentMethod.ShipToStore, out _, out _);
        Assert.Equal("WH-1", f.StockLocationCode);
        f.Pick(new Dictionary<Guid, int>(), Now);
        f.Pack(Now);
        f.Ship("DHL", "T1", Now);
        Assert.Equal(InTransit, f.Status);
        Assert.True(f.HasLeftOrigin);
        Assert.Equal("WH-1", f.StockLocationCode);
        f.Deliver(Now);
        Assert.Equal(ReceivedAtStore, f.Status);
        Assert.Equal("STORE-1", f.StockLocationCode);
    }

    [Fact]
    public void A_till_sale_is_carried_out_at_once_and_its_order_completes()
    {
        var order = new Order { Currency = "EUR", PlacedAt = Now };
        order.AddLine("MUG", "MUG", "Mug", 2, new Money(500, "EUR"), FulfillmentMethod.CarryOut, "STORE-1").Allocate("STORE-1", 2);

        var fulfillment = Assert.Single(Fulfillment.CarriedOut(order, Now));
        order.FollowFulfillments([fulfillment], Now);

        Assert.Equal(PickedUp, fulfillment.Status);
        Assert.Equal(OrderStatus.Completed, order.Status);
    }

    [Fact]
    public void An_order_is_split_into_one_fulfillment_per_origin_method_and_handover_store()
    {
        var order = new Order { Currency = "EUR", PlacedAt = Now };
        order.AddLine("A", "A", "A", 3, new Money(100, "EUR"), FulfillmentMethod.Ship, null).Allocate("WH-1", 3);
        var b = order.AddLine("B", "B", "B", 3, new Money(100, "EUR"), FulfillmentMethod.Ship, null);
        b.Allocate("WH-1", 1);
        b.Allocate("STORE-2", 2);
        order.AddLine("C", "C", "C", 1, new Money(100, "EUR"), FulfillmentMethod.Pickup, "STORE-2").Allocate("STORE-2", 1);
        order.AddLine("D", "D", "D", 1, new Money(100, "EUR"), FulfillmentMethod.ShipToStore, "STORE-2").Allocate("WH-1", 1);

        var fulfillments = Fulfillment.ForOrder(order, Now);

        Assert.Equal(4, fulfillments.Count);
        var fromWarehouse = fulfillments.Single(f => f.LocationCode == "WH-1" && f.Method == FulfillmentMethod.Ship);
        Assert.Equal(["A", "B"], fromWarehouse.Lines.Select(l => l.Sku));
        Assert.Null(fromWarehouse.HandoverLocationCode);
        Assert.Equal("STORE-2", fulfillments.Single(f => f.Method == FulfillmentMethod.ShipToStore).HandoverLocationCode);
        Assert.Equal(8, fulfillments.Sum(f => f.Lines.Sum(l => l.Quantity)));
    }

    [Fact]
    public void The_order_follows_its_fulfillments()
    {
        var order = new Order { Currency = "EUR", PlacedAt = Now };
        order.AddLine("A", "A", "A", 1, new Money(100, "EUR"), FulfillmentMethod.Ship, null).Allocate("WH-1", 1);
        order.AddLine("B", "B", "B", 1, new Money(100, "EUR"), FulfillmentMethod.Pickup, "STORE-1").Allocate("STORE-1", 1);
        var fulfillments = Fulfillment.ForOrder(order, Now);
        var (ship, pickup) = (fulfillments.Single(f => f.Method == FulfillmentMethod.Ship), fulfillments.Single(f => f.Method == FulfillmentMethod.Pickup));

        ship.Pick(new Dictionary<Guid, int>(), Now);
        ship.Pack(Now);
        order.FollowFulfillments(fulfillments, Now);
        Assert.Equal(OrderStatus.Accepted, order.Status);

        ship.Ship(null, null, Now);
        order.FollowFulfillments(fulfillments, Now);
        Assert.Equal(OrderStatus.Fulfilling, order.Status);
        Assert.Equal("order_not_cancellable", Assert.Throws<DomainException>(() => order.Cancel("too late", Now)).Code);

        ship.Deliver(Now);
        pickup.Cancel(Now);
        order.FollowFulfillments(fulfillments, Now);
        Assert.Equal(OrderStatus.Completed, order.Status);
    }

    [Fact]
    public void An_order_whose_fulfillments_all_closed_without_reaching_the_customer_is_cancelled()
    {
        var order = new Order { Currency = "EUR", PlacedAt = Now };
        order.AddLine("B", "B", "B", 1, new Money(100, "EUR"), FulfillmentMethod.Pickup, "STORE-1").Allocate("STORE-1", 1);
        var pickup = Assert.Single(Fulfillment.ForOrder(order, Now));
        pickup.Pick(new Dictionary<Guid, int>(), Now);
        pickup.Ready("ABC234", Now, Now);
        pickup.Expire(Now);

        order.FollowFulfillments([pickup], Now);

        Assert.Equal(OrderStatus.Cancelled, order.Status);
    }

    [Fact]
    public void Status_names_round_trip_in_snake_case()
    {
        foreach (var status in Enum.GetValues<FulfillmentStatus>())
        {
            Assert.True(Wire.TryParse(Wire.Of(status), out var parsed));
            Assert.Equal(status, parsed);
        }
        Assert.Equal("ready_for_pickup", Wire.Of(ReadyForPickup));
        Assert.False(Wire.TryParse("ReadyForPickup", out _));
    }

    /// <summary>A fulfillment of <paramref name="method"/> with two lines: 3 and 2 units at 5.00.</summary>
    private static Fulfillment New(FulfillmentMethod method, out Guid a, out Guid b)
    {
        var f = new Fulfillment
        {
            OrderNumber = "OM0000001", Currency = "EUR", Method = method, LocationCode = method == FulfillmentMethod.ShipToStore ? "WH-1" : "STORE-1",
            HandoverLocationCode = method == FulfillmentMethod.Ship ? null : "STORE-1", CreatedAt = Now,
        };
        a = f.AddLine(Guid.NewGuid(), "A", 3, 1500, 3).OrderLineId;
        b = f.AddLine(Guid.NewGuid(), "B", 2, 1000, 2).OrderLineId;
        return f;
    }

    /// <summary>Walks a new fulfillment along its method's table to <paramref name="status"/>; false when the method never gets there.</summary>
    private static bool Reach(FulfillmentMethod method, FulfillmentStatus status, out Fulfillment fulfillment)
    {
        fulfillment = New(method, out _, out _);
        var path = new Queue<FulfillmentStatus>();
        if (!PathTo(method, Allocated, status, [], path)) return false;
        while (path.TryDequeue(out var next)) Verb(fulfillment, next)!();
        return true;
    }

    private static bool PathTo(FulfillmentMethod method, FulfillmentStatus from, FulfillmentStatus to, HashSet<FulfillmentStatus> seen, Queue<FulfillmentStatus> path)
    {
        if (from == to) return true;
        if (!seen.Add(from)) return false;
        foreach (var (_, next) in Allowed[method].Where(m => m.Item1 == from))
        {
            var attempt = new Queue<FulfillmentStatus>(path);
            attempt.Enqueue(next);
            if (!PathTo(method, next, to, seen, attempt)) continue;
            path.Clear();
            foreach (var step in attempt) path.Enqueue(step);
            return true;
        }
        return false;
    }

    /// <summary>The business verb that aims at <paramref name="target"/>, with the inputs it needs.</summary>
    private static Action? Verb(Fulfillment f, FulfillmentStatus target) => target switch
    {
        Picking => () => f.Pick(new Dictionary<Guid, int>(), Now),
        Packed => () => f.Pack(Now),
        // One verb, two targets: ship and deliver lead to in transit and received at store for ship-to-store only.
        Shipped or InTransit when (target == InTransit) == (f.Method == FulfillmentMethod.ShipToStore) => () => f.Ship("DHL", "T1", Now),
        Delivered or ReceivedAtStore when (target == ReceivedAtStore) == (f.Method == FulfillmentMethod.ShipToStore) => () => f.Deliver(Now),
        ReadyForPickup => () => f.Ready("ABC234", Now.AddDays(7), Now),
        CustomerArrived => () => f.CustomerArrived(Now),
        PickedUp => () => f.HandOver(f.PickupCode ?? "ABC234", Now),
        Expired => () => f.Expire(Now),
        Cancelled => () => f.Cancel(Now),
        _ => null,
    };
}
