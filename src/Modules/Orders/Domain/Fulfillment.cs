using Omni.Common;
using Omni.Common.Errors;
using Omni.Contracts.Orders;

namespace Omni.Orders.Domain;

internal enum FulfillmentStatus
{
    Allocated,
    Picking,
    Packed,
    Shipped,
    InTransit,
    ReceivedAtStore,
    ReadyForPickup,
    CustomerArrived,
    PickedUp,
    Delivered,
    Expired,
    Cancelled,
}

/// <summary>
/// The units of one order that one location hands over one way (ship, pickup …) at one store: what a store's work queue
/// lists and an associate moves along. Each method has its own transition table; every move bumps <see cref="Version"/>,
/// a concurrency token, so two associates pressing buttons at once cannot both win.
/// </summary>
internal sealed class Fulfillment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrderId { get; init; }
    public required string OrderNumber { get; init; }
    public required string Currency { get; init; }
    public FulfillmentMethod Method { get; init; }
    /// <summary>Where the units are picked (the origin).</summary>
    public required string LocationCode { get; init; }
    /// <summary>The store the customer collects at (pickup, curbside, ship-to-store, carry-out); null when shipped to the customer.</summary>
    public string? HandoverLocationCode { get; init; }
    public FulfillmentStatus Status { get; private set; } = FulfillmentStatus.Allocated;
    /// <summary>
    /// Kept in plain text while the pickup is open: the store shows it, prints it as a QR code and the customer gets it by
    /// e-mail. Six characters are about 30 bits, so a hash would protect nothing (it is brute-forced in milliseconds);
    /// what protects a pickup is that only an associate at that store can hand it over. Cleared when the pickup closes,
    /// so it is unique only among the store's open pickups.
    /// </summary>
    public string? PickupCode { get; private set; }
    public DateTime? ReadyAt { get; private set; }
    public DateTime? ExpiresAt { get; private set; }
    public string? Carrier { get; private set; }
    public string? TrackingNumber { get; private set; }
    /// <summary>The fulfillment whose short pick or oversold stock this one replaces, if any.</summary>
    public Guid? ReplacesFulfillmentId { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public int Version { get; private set; }
    public List<FulfillmentItem> Lines { get; init; } = [];

    private static readonly FulfillmentStatus[] Open = [FulfillmentStatus.Allocated, FulfillmentStatus.Picking, FulfillmentStatus.Packed];

    private static readonly Dictionary<FulfillmentMethod, Dictionary<FulfillmentStatus, FulfillmentStatus[]>> Tables = new()
    {
        [FulfillmentMethod.Ship] = new()
        {
            [FulfillmentStatus.Allocated] = [FulfillmentStatus.Picking, FulfillmentStatus.Cancelled],
            [FulfillmentStatus.Picking] = [FulfillmentStatus.Packed, FulfillmentStatus.Cancelled],
            [FulfillmentStatus.Packed] = [FulfillmentStatus.Shipped, FulfillmentStatus.Cancelled],
            [FulfillmentStatus.Shipped] = [FulfillmentStatus.Delivered],
        },
        [FulfillmentMethod.Pickup] = new()
        {
            [FulfillmentStatus.Allocated] = [FulfillmentStatus.Picking, FulfillmentStatus.Cancelled],
            [FulfillmentStatus.Picking] = [FulfillmentStatus.ReadyForPickup, FulfillmentStatus.Cancelled],
            [FulfillmentStatus.ReadyForPickup] = [FulfillmentStatus.PickedUp, FulfillmentStatus.Expired, FulfillmentStatus.Cancelled],
        },
        [FulfillmentMethod.Curbside] = new()
        {
            [FulfillmentStatus.Allocated] = [FulfillmentStatus.Picking, FulfillmentStatus.Cancelled],
            [FulfillmentStatus.Picking] = [FulfillmentStatus.ReadyForPickup, FulfillmentStatus.Cancelled],
            // The customer may still walk in instead of waiting in the car.
            [FulfillmentStatus.ReadyForPickup] = [FulfillmentStatus.CustomerArrived, FulfillmentStatus.PickedUp, FulfillmentStatus.Expired, FulfillmentStatus.Cancelled],
            [FulfillmentStatus.CustomerArrived] = [FulfillmentStatus.PickedUp, FulfillmentStatus.Cancelled],
        },
        [FulfillmentMethod.ShipToStore] = new()
        {
            [FulfillmentStatus.Allocated] = [FulfillmentStatus.Picking, FulfillmentStatus.Cancelled],
            [FulfillmentStatus.Picking] = [FulfillmentStatus.Packed, FulfillmentStatus.Cancelled],
            [FulfillmentStatus.Packed] = [FulfillmentStatus.InTransit, FulfillmentStatus.Cancelled],
            [FulfillmentStatus.InTransit] = [FulfillmentStatus.ReceivedAtStore],
            [FulfillmentStatus.ReceivedAtStore] = [FulfillmentStatus.ReadyForPickup, FulfillmentStatus.Cancelled],
            [FulfillmentStatus.ReadyForPickup] = [FulfillmentStatus.PickedUp, FulfillmentStatus.Expired, FulfillmentStatus.Cancelled],
        },
        [FulfillmentMethod.CarryOut] = new()
        {
            [FulfillmentStatus.Allocated] = [FulfillmentStatus.PickedUp, FulfillmentStatus.Cancelled],
        },
    };

    public static bool CanMove(FulfillmentMethod method, FulfillmentStatus from, FulfillmentStatus to) =>
        Tables[method].TryGetValue(from, out var targets) && targets.Contains(to);

    /// <summary>Nothing more can happen to it.</summary>
    public bool IsClosed => Tables[Method].GetValueOrDefault(Status) is null or [];

    /// <summary>The goods left the origin (shipped, in transit, received, handed over): the order can no longer be cancelled.</summary>
    public bool HasLeftOrigin => Status is FulfillmentStatus.Shipped or FulfillmentStatus.Delivered or FulfillmentStatus.InTransit
        or FulfillmentStatus.ReceivedAtStore or FulfillmentStatus.PickedUp
        || (Method == FulfillmentMethod.ShipToStore && Status is FulfillmentStatus.ReadyForPickup or FulfillmentStatus.CustomerArrived or FulfillmentStatus.Expired);

    /// <summary>Not picked yet: its stock is still only a reservation, so it can be re-sourced.</summary>
    public bool IsUnpicked => Status == FulfillmentStatus.Allocated;

    /// <summary>Units of the pickup that reached the customer (delivered or picked up).</summary>
    public bool ReachedCustomer => Status is FulfillmentStatus.Delivered or FulfillmentStatus.PickedUp;

    /// <summary>Where the units are (or were last) on the books: the origin until a ship-to-store parcel is received at its store.</summary>
    public string StockLocationCode => Method == FulfillmentMethod.ShipToStore && Status is not (FulfillmentStatus.Allocated
        or FulfillmentStatus.Picking or FulfillmentStatus.Packed or FulfillmentStatus.InTransit or FulfillmentStatus.Cancelled)
        ? HandoverLocationCode! : LocationCode;

    /// <summary>The fulfillments of a newly placed order: one per origin × method × handover store, grouping its allocations.</summary>
    public static List<Fulfillment> ForOrder(Order order, DateTime at) =>
        Group(order, order.Lines.SelectMany(l => l.Allocations.Select(a => (l, a.LocationCode, a.Quantity))), at, replaces: null);

    /// <summary>A till sale: its goods went home with the customer, so its fulfillments are complete the moment they exist.</summary>
    public static List<Fulfillment> CarriedOut(Order order, DateTime at)
    {
        var fulfillments = ForOrder(order, at);
        foreach (var fulfillment in fulfillments) fulfillment.HandOver(null, at);
        return fulfillments;
    }

    public static List<Fulfillment> Group(Order order, IEnumerable<(OrderLine Line, string LocationCode, int Quantity)> units, DateTime at, Guid? replaces) =>
        [.. units.GroupBy(u => (u.LocationCode, u.Line.Method, Handover: u.Line.Method == FulfillmentMethod.Ship ? null : u.Line.LocationCode))
            .Select(g =>
            {
                var fulfillment = new Fulfillment
                {
                    OrderId = order.Id, OrderNumber = order.Number, Currency = order.Currency, Method = g.Key.Method,
                    LocationCode = g.Key.LocationCode, HandoverLocationCode = g.Key.Handover, ReplacesFulfillmentId = replaces,
                    CreatedAt = at, UpdatedAt = at,
                };
                foreach (var (line, _, quantity) in g) fulfillment.AddLine(line.Id, line.Sku, quantity, line.TotalMinor(order.TaxIncluded), line.Quantity);
                return fulfillment;
            })];

    public Money Amount => new(Lines.Sum(l => l.AmountMinor(l.Quantity)), Currency);

    public FulfillmentItem AddLine(Guid orderLineId, string sku, int quantity, long lineTotalMinor, int lineQuantity)
    {
        var line = new FulfillmentItem { FulfillmentId = Id, OrderLineId = orderLineId, Sku = sku, Quantity = quantity,
            LineTotalMinor = lineTotalMinor, LineQuantity = lineQuantity };
        Lines.Add(line);
        return line;
    }

    /// <summary>
    /// Records what was picked per line (lines left out were picked in full) and returns the units found missing. A pick
    /// that found nothing at all cancels the fulfillment.
    /// </summary>
    public IReadOnlyList<(FulfillmentItem Line, int Missing)> Pick(IReadOnlyDictionary<Guid, int> picked, DateTime at)
    {
        Require(FulfillmentStatus.Picking);
        var unknown = picked.Keys.Where(id => Lines.All(l => l.OrderLineId != id)).ToList();
        if (unknown.Count > 0) throw Invalid("lines", $"Order line {unknown[0]} is not part of this fulfillment.");
        var shortages = new List<(FulfillmentItem, int)>();
        foreach (var line in Lines)
        {
            if (!picked.TryGetValue(line.OrderLineId, out var units) || units == line.Quantity) continue;
            if (units > line.Quantity) throw Invalid("lines", $"Order line {line.OrderLineId} has {line.Quantity} unit(s) to pick; {units} were reported.");
            shortages.Add((line, line.Quantity - units));
            line.ShortQuantity += line.Quantity - units;
            line.Quantity = units;
        }
        MoveTo(Lines.All(l => l.Quantity == 0) ? FulfillmentStatus.Cancelled : FulfillmentStatus.Picking, at);
        return shortages;
    }

    public void Pack(DateTime at) => MoveTo(FulfillmentStatus.Packed, at);

    /// <summary>Hands the parcel to a carrier: to the customer, or (ship-to-store) to the store that will hand it over.</summary>
    public void Ship(string? carrier, string? trackingNumber, DateTime at)
    {
        MoveTo(Method == FulfillmentMethod.ShipToStore ? FulfillmentStatus.InTransit : FulfillmentStatus.Shipped, at);
        Carrier = carrier;
        TrackingNumber = trackingNumber;
    }

    /// <summary>The carrier delivered: to the customer, or (ship-to-store) to the store.</summary>
    public void Deliver(DateTime at) => MoveTo(Method == FulfillmentMethod.ShipToStore ? FulfillmentStatus.ReceivedAtStore : FulfillmentStatus.Delivered, at);

    public void Ready(string pickupCode, DateTime expiresAt, DateTime at)
    {
        MoveTo(FulfillmentStatus.ReadyForPickup, at);
        PickupCode = pickupCode;
        ReadyAt = at;
        ExpiresAt = expiresAt;
    }

    public void CustomerArrived(DateTime at) => MoveTo(FulfillmentStatus.CustomerArrived, at);

    /// <summary>Hands the goods to the customer. A pickup needs its code; carry-out has none (the customer stands at the till).</summary>
    public void HandOver(string? pickupCode, DateTime at)
    {
        Require(FulfillmentStatus.PickedUp);
        if (Method != FulfillmentMethod.CarryOut && string.IsNullOrWhiteSpace(pickupCode)) throw Invalid("pickupCode", "is required to hand a pickup over.");
        if (Method != FulfillmentMethod.CarryOut && !string.Equals(PickupCode, pickupCode!.Trim(), StringComparison.OrdinalIgnoreCase))
            throw new DomainException("wrong_pickup_code", $"That is not the pickup code of fulfillment {Id}.");
        MoveTo(FulfillmentStatus.PickedUp, at);
    }

    public void Expire(DateTime at) => MoveTo(FulfillmentStatus.Expired, at);

    public void Cancel(DateTime at) => MoveTo(FulfillmentStatus.Cancelled, at);

    /// <summary>Takes units off a line that has not been picked yet (their stock was oversold); cancels the fulfillment when none are left.</summary>
    public void Withdraw(FulfillmentItem line, int units, DateTime at)
    {
        if (!IsUnpicked) throw new DomainException("invalid_transition", $"Fulfillment {Id} is {Status} and its units are no longer only reserved.");
        line.Quantity -= units;
        line.ShortQuantity += units;
        UpdatedAt = at;
        Version++;
        if (Lines.All(l => l.Quantity == 0)) MoveTo(FulfillmentStatus.Cancelled, at);
    }

    /// <summary>Input that only makes sense against this fulfillment: a 400 like any other validation failure.</summary>
    private static DomainException Invalid(string field, string message) =>
        new("validation_failed", "One or more fields are invalid.", StatusCodes.Status400BadRequest,
            new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });

    private void Require(FulfillmentStatus to)
    {
        if (!CanMove(Method, Status, to)) throw Invalid(to);
    }

    private DomainException Invalid(FulfillmentStatus to) =>
        new("invalid_transition", $"A {Wire.Of(Method)} fulfillment that is {Wire.Of(Status)} cannot become {Wire.Of(to)}.",
            extensions: new Dictionary<string, object?> { ["currentStatus"] = Wire.Of(Status) });

    private void MoveTo(FulfillmentStatus to, DateTime at)
    {
        Require(to);
        Status = to;
        UpdatedAt = at;
        Version++;
        if (IsClosed)
        {
            ClosedAt = at;
            PickupCode = null;
        }
    }

    /// <summary>Statuses in which the fulfillment still waits for the store: what a work queue lists by default.</summary>
    public static readonly IReadOnlyList<FulfillmentStatus> Waiting =
        [.. Open, FulfillmentStatus.InTransit, FulfillmentStatus.ReceivedAtStore, FulfillmentStatus.ReadyForPickup, FulfillmentStatus.CustomerArrived];
}

/// <summary>Units of one order line in a fulfillment.</summary>
internal sealed class FulfillmentItem
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid FulfillmentId { get; init; }
    public Guid OrderLineId { get; init; }
    public required string Sku { get; init; }
    /// <summary>Units this fulfillment hands over (after a short pick, what was found).</summary>
    public int Quantity { get; set; }
    /// <summary>Units the pick did not find (or oversold stock took away), re-sourced elsewhere or cancelled.</summary>
    public int ShortQuantity { get; set; }
    /// <summary>What the customer pays for the whole order line (discounts and tax applied), and its units: the value of units here is their share.</summary>
    public long LineTotalMinor { get; init; }
    public int LineQuantity { get; init; }

    /// <summary>The value of <paramref name="units"/> of the line: its share of what the customer pays, rounded down to the minor unit.</summary>
    public long AmountMinor(int units) => LineQuantity == 0 ? 0 : LineTotalMinor * units / LineQuantity;
}

/// <summary>How statuses and methods are spelled in the API and in events: snake_case, as event types are.</summary>
internal static class Wire
{
    public static string Of(FulfillmentStatus status) =>
        string.Concat(status.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? $"_{char.ToLowerInvariant(c)}" : $"{char.ToLowerInvariant(c)}"));

    public static bool TryParse(string text, out FulfillmentStatus status)
    {
        status = Enum.GetValues<FulfillmentStatus>().FirstOrDefault(s => Of(s) == text);
        return Of(status) == text;
    }

    public static string Of(FulfillmentMethod method) => char.ToLowerInvariant(method.ToString()[0]) + method.ToString()[1..];
}
