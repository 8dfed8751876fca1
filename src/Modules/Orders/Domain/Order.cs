using Omni.Common;
using Omni.Common.Errors;
using Omni.Contracts;
using Omni.Contracts.Orders;
using Omni.Contracts.Pricing;

namespace Omni.Orders.Domain;

internal enum OrderStatus
{
    /// <summary>Accepted, stock reserved, waiting for fulfillment.</summary>
    Accepted,
    /// <summary>Some goods left a location (shipped, in transit, handed over): no longer cancellable as a whole.</summary>
    Fulfilling,
    /// <summary>Everything handed to the customer (a store sale is completed at once).</summary>
    Completed,
    Cancelled,
}

/// <summary>An order from any channel. Lines copy SKU, name and price at placement: later catalog changes never rewrite a sale.</summary>
internal sealed class Order
{
    private static readonly Dictionary<OrderStatus, OrderStatus[]> Transitions = new()
    {
        [OrderStatus.Accepted] = [OrderStatus.Fulfilling, OrderStatus.Completed, OrderStatus.Cancelled],
        [OrderStatus.Fulfilling] = [OrderStatus.Completed],
        [OrderStatus.Completed] = [],
        [OrderStatus.Cancelled] = [],
    };

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public long SequenceNumber { get; set; }
    public string Number { get; set; } = "";
    public SalesChannel Channel { get; init; }
    public OrderStatus Status { get; private set; }
    public string? CustomerEmail { get; init; }
    public string? CustomerName { get; init; }
    public string? CustomerPhone { get; init; }
    /// <summary>The customer profile the order belongs to (Customers module), resolved at placement; null when anonymous.</summary>
    public Guid? CustomerId { get; private set; }
    public Address? ShippingAddress { get; init; }
    public required string Currency { get; init; }
    public long TotalMinor { get; private set; }
    /// <summary>Promotions and coupons taken off, and tax (inside the total when <see cref="TaxIncluded"/>, added to it otherwise).</summary>
    public long DiscountMinor { get; private set; }
    public long TaxMinor { get; private set; }
    public bool TaxIncluded { get; private set; } = true;
    public List<string> Coupons { get; private set; } = [];
    /// <summary>Loyalty points the customer paid part of the order with (their value is inside <see cref="DiscountMinor"/>).</summary>
    public long LoyaltyPoints { get; private set; }
    public DateTime PlacedAt { get; init; }
    public DateTime? ClosedAt { get; private set; }
    public string? CancelReason { get; private set; }
    public string PlacedBy { get; init; } = "";
    /// <summary>Bumped on every transition; a concurrency token, so two racing transitions cannot both win.</summary>
    public int Version { get; private set; }
    public List<OrderLine> Lines { get; init; } = [];

    public Money Total => new(TotalMinor, Currency);

    public static bool CanMove(OrderStatus from, OrderStatus to) => Transitions[from].Contains(to);

    public OrderLine AddLine(string sku, string productCode, string name, int quantity, Money unitPrice, FulfillmentMethod method, string? locationCode)
    {
        if (unitPrice.Currency != Currency)
            throw new DomainException("mixed_currency", $"SKU '{sku}' is priced in {unitPrice.Currency}, the order in {Currency}.");
        var line = new OrderLine
        {
            OrderId = Id, LineNumber = Lines.Count + 1, Sku = sku, ProductCode = productCode, Name = name,
            Quantity = quantity, UnitPriceMinor = unitPrice.Minor, Method = method, LocationCode = locationCode,
        };
        Lines.Add(line);
        TotalMinor = checked(TotalMinor + unitPrice.Minor * quantity);
        return line;
    }

    /// <summary>Takes the pricing engine's answer: base prices, discounts, promotions and tax per line; the order costs what the quote says.</summary>
    public void ApplyPricing(PricedOrder priced)
    {
        if (priced.Lines.Count != Lines.Count) throw new ArgumentException("The priced order has another number of lines.", nameof(priced));
        for (var i = 0; i < Lines.Count; i++) Lines[i].ApplyPricing(priced.Lines[i]);
        TotalMinor = priced.Total.Minor;
        DiscountMinor = priced.Discount.Minor;
        TaxMinor = priced.Tax.Minor;
        TaxIncluded = priced.Lines.All(l => l.TaxIncluded);
        Coupons = [.. priced.Coupons];
    }

    public void BelongsTo(Guid? customerId) => CustomerId = customerId;

    /// <summary>
    /// Loyalty points taken as a discount of <paramref name="valueMinor"/> (at most the total): spread over the lines in
    /// proportion to what each costs, so a line cancelled or returned later refunds what was really paid for it.
    /// </summary>
    public void RedeemPoints(long points, long valueMinor)
    {
        var totals = Lines.Select(l => l.TotalMinor(TaxIncluded)).ToArray();
        var sum = totals.Sum();
        if (valueMinor > sum) throw new ArgumentOutOfRangeException(nameof(valueMinor), "Points cannot take off more than the order costs.");
        var shares = totals.Select(t => sum == 0 ? 0 : valueMinor * t / sum).ToArray();
        for (var left = valueMinor - shares.Sum(); left > 0;)
            for (var i = 0; i < shares.Length && left > 0; i++)
                if (shares[i] < totals[i]) { shares[i]++; left--; }
        var discountBefore = Lines.Sum(l => l.DiscountMinor);
        for (var i = 0; i < Lines.Count; i++) Lines[i].TakeOff(shares[i], TaxIncluded);
        LoyaltyPoints = points;
        DiscountMinor += Lines.Sum(l => l.DiscountMinor) - discountBefore;
        TaxMinor = Lines.Sum(l => l.TaxMinor);
        TotalMinor = Lines.Sum(l => l.TotalMinor(TaxIncluded));
    }

    public void AssignNumber(long sequence)
    {
        SequenceNumber = sequence;
        Number = $"OM{sequence:D7}";
    }

    /// <summary>A store sale happened at the till: it is complete the moment it is recorded.</summary>
    public void CompleteAtTill(DateTime at) => MoveTo(OrderStatus.Completed, at);

    public void Cancel(string? reason, DateTime at)
    {
        if (!CanMove(Status, OrderStatus.Cancelled))
            throw new DomainException("order_not_cancellable", $"Order {Number} is {Status.ToString().ToLowerInvariant()} and can no longer be cancelled.");
        MoveTo(OrderStatus.Cancelled, at);
        CancelReason = reason;
    }

    /// <summary>
    /// The order follows its fulfillments: fulfilling once goods left a location, completed when every fulfillment is
    /// closed. When all of them closed without reaching the customer (cancelled, expired) the order is cancelled: what was
    /// owed has already been voided fulfillment by fulfillment.
    /// </summary>
    public void FollowFulfillments(IReadOnlyCollection<Fulfillment> fulfillments, DateTime at)
    {
        if (Status is OrderStatus.Completed or OrderStatus.Cancelled || fulfillments.Count == 0) return;
        if (fulfillments.All(f => f.IsClosed))
        {
            if (fulfillments.Any(f => f.ReachedCustomer)) MoveTo(OrderStatus.Completed, at);
            else if (Status == OrderStatus.Accepted) MoveTo(OrderStatus.Cancelled, at);
            else MoveTo(OrderStatus.Completed, at);
        }
        else if (Status == OrderStatus.Accepted && fulfillments.Any(f => f.HasLeftOrigin)) MoveTo(OrderStatus.Fulfilling, at);
    }

    private void MoveTo(OrderStatus to, DateTime at)
    {
        if (!CanMove(Status, to))
            throw new DomainException("invalid_transition", $"Order {Number} cannot go from {Status} to {to}.");
        Status = to;
        if (to != OrderStatus.Fulfilling) ClosedAt = at;
        Version++;
    }
}

internal sealed record Address(string Line1, string? Line2, string City, string PostalCode, string Country, double? Latitude, double? Longitude);

internal sealed class OrderLine
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrderId { get; init; }
    public int LineNumber { get; init; }
    public required string Sku { get; init; }
    public required string ProductCode { get; init; }
    public required string Name { get; init; }
    public int Quantity { get; init; }
    public long UnitPriceMinor { get; internal set; }
    public long DiscountMinor { get; private set; }
    public long TaxMinor { get; private set; }
    /// <summary>Codes of the promotions (coupon ones included) that reduced the line.</summary>
    public List<string> Promotions { get; private set; } = [];
    /// <summary>Units cancelled without cancelling the order (a short pick nothing else could serve).</summary>
    public int CancelledQuantity { get; private set; }
    public FulfillmentMethod Method { get; init; }
    /// <summary>The store asked for (pickup, curbside, ship-to-store, carry-out); null for ship.</summary>
    public string? LocationCode { get; init; }
    public List<Allocation> Allocations { get; init; } = [];

    internal void ApplyPricing(PricedOrderLine priced)
    {
        UnitPriceMinor = priced.UnitPrice.Minor;
        DiscountMinor = priced.Discount.Minor;
        TaxMinor = priced.Tax.Minor;
        Promotions = [.. priced.Promotions];
    }

    /// <summary>
    /// Takes <paramref name="amountMinor"/> off what the line costs. Tax follows the price: VAT inside the price shrinks in
    /// proportion; a tax added on top is charged on the lower price, so the price itself falls by less than the amount.
    /// </summary>
    internal void TakeOff(long amountMinor, bool taxIncluded)
    {
        var before = TotalMinor(taxIncluded);
        if (amountMinor == 0 || before == 0) return;
        var tax = TaxMinor * (before - amountMinor) / before;
        DiscountMinor += taxIncluded ? amountMinor : amountMinor - (TaxMinor - tax);
        TaxMinor = tax;
    }

    /// <summary>What the line costs: unit price × quantity − discount, plus the tax when it is added on top.</summary>
    public long TotalMinor(bool taxIncluded) => checked(UnitPriceMinor * Quantity - DiscountMinor + (taxIncluded ? 0 : TaxMinor));

    public void Allocate(string locationCode, int quantity)
    {
        if (Allocations.FirstOrDefault(a => a.LocationCode == locationCode) is { } existing) existing.Quantity += quantity;
        else Allocations.Add(new Allocation { OrderLineId = Id, LocationCode = locationCode, Quantity = quantity });
    }

    /// <summary>Units a location turned out not to have: they are re-sourced (allocated elsewhere) or cancelled.</summary>
    public void Deallocate(string locationCode, int quantity)
    {
        var allocation = Allocations.First(a => a.LocationCode == locationCode);
        allocation.Quantity -= quantity;
        if (allocation.Quantity == 0) Allocations.Remove(allocation);
    }

    public void CancelUnits(int quantity) => CancelledQuantity += quantity;
}

/// <summary>Units of a line promised from one location: a line is split when no single location can serve it whole.</summary>
internal sealed class Allocation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrderLineId { get; init; }
    public required string LocationCode { get; init; }
    public int Quantity { get; set; }
}
