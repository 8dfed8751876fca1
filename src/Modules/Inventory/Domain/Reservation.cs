using Omni.Common.Errors;

namespace Omni.Inventory.Domain;

internal enum ReservationStatus
{
    Active,
    Consumed,
    Released,
}

/// <summary>Units of a position promised to one order line: active until consumed (shipped, handed over) or released.</summary>
internal sealed class Reservation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrderId { get; init; }
    public Guid OrderLineId { get; init; }
    public required string LocationCode { get; init; }
    public required string Sku { get; init; }
    public int Quantity { get; set; }
    public ReservationStatus Status { get; private set; } = ReservationStatus.Active;
    public DateTime CreatedAt { get; init; }
    public DateTime? ClosedAt { get; private set; }
    /// <summary>Set for a hold (a shopper paying, <see cref="OrderId"/> is the hold's id): released at this time unless converted into an order.</summary>
    public DateTime? ExpiresAt { get; init; }

    private static readonly Dictionary<ReservationStatus, ReservationStatus[]> Transitions = new()
    {
        [ReservationStatus.Active] = [ReservationStatus.Consumed, ReservationStatus.Released],
        [ReservationStatus.Consumed] = [],
        [ReservationStatus.Released] = [],
    };

    /// <summary>Moves <paramref name="units"/> of this active reservation into a new one, so part of it can be consumed or released.</summary>
    public Reservation Split(int units)
    {
        if (Status != ReservationStatus.Active || units <= 0 || units >= Quantity)
            throw new InvalidOperationException($"Cannot split {units} unit(s) off reservation {Id} of {Quantity}.");
        Quantity -= units;
        return new Reservation
        {
            OrderId = OrderId, OrderLineId = OrderLineId, LocationCode = LocationCode, Sku = Sku, Quantity = units, CreatedAt = CreatedAt,
        };
    }

    public static bool CanMove(ReservationStatus from, ReservationStatus to) => Transitions[from].Contains(to);

    public void Release(DateTime at) => MoveTo(ReservationStatus.Released, at);

    public void Consume(DateTime at) => MoveTo(ReservationStatus.Consumed, at);

    private void MoveTo(ReservationStatus to, DateTime at)
    {
        if (!CanMove(Status, to))
            throw new DomainException("reservation_closed", $"Reservation {Id} is {Status.ToString().ToLowerInvariant()} and cannot become {to.ToString().ToLowerInvariant()}.");
        Status = to;
        ClosedAt = at;
    }
}
