using Omni.Common.Errors;
using Omni.Inventory.Domain;

namespace Omni.UnitTests.Inventory;

public sealed class ReservationTransitionTests
{
    private static readonly DateTime Now = new(2025, 3, 1, 10, 0, 0, DateTimeKind.Utc);

    private static readonly HashSet<(ReservationStatus, ReservationStatus)> Allowed =
    [
        (ReservationStatus.Active, ReservationStatus.Consumed),
        (ReservationStatus.Active, ReservationStatus.Released),
    ];

    // By name: the status enum is internal, and a public theory cannot take it as a parameter.
    public static TheoryData<string, string> EveryPair()
    {
        var pairs = new TheoryData<string, string>();
        foreach (var from in Enum.GetNames<ReservationStatus>())
            foreach (var to in Enum.GetNames<ReservationStatus>())
                pairs.Add(from, to);
        return pairs;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void The_transition_table_allows_exactly_the_documented_moves(string from, string to)
    {
        var (source, target) = (Enum.Parse<ReservationStatus>(from), Enum.Parse<ReservationStatus>(to));
        Assert.Equal(Allowed.Contains((source, target)), Reservation.CanMove(source, target));
    }

    [Fact]
    public void A_new_reservation_is_active_and_open()
    {
        var reservation = NewReservation();

        Assert.Equal(ReservationStatus.Active, reservation.Status);
        Assert.Null(reservation.ClosedAt);
    }

    [Fact]
    public void Releasing_closes_a_reservation_and_it_cannot_be_released_or_consumed_afterwards()
    {
        var reservation = NewReservation();

        reservation.Release(Now);

        Assert.Equal(ReservationStatus.Released, reservation.Status);
        Assert.Equal(Now, reservation.ClosedAt);
        Assert.Equal("reservation_closed", Assert.Throws<DomainException>(() => reservation.Release(Now.AddMinutes(1))).Code);
        Assert.Equal("reservation_closed", Assert.Throws<DomainException>(() => reservation.Consume(Now.AddMinutes(1))).Code);
        Assert.Equal(Now, reservation.ClosedAt);
    }

    [Fact]
    public void A_consumed_reservation_cannot_be_released()
    {
        var reservation = NewReservation();
        reservation.Consume(Now);

        Assert.Equal("reservation_closed", Assert.Throws<DomainException>(() => reservation.Release(Now)).Code);
        Assert.Equal(ReservationStatus.Consumed, reservation.Status);
    }

    private static Reservation NewReservation() => new() { LocationCode = "STORE-1", Sku = "TEE-M", Quantity = 2, CreatedAt = Now };
}
