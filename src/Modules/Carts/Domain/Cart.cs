using Omni.Common.Errors;
using Omni.Contracts;
using Omni.Contracts.Orders;

namespace Omni.Carts.Domain;

internal enum CartStatus
{
    /// <summary>Being filled; the only status in which a cart changes.</summary>
    Active,
    /// <summary>Signed in on a device while the customer already had a cart: its lines moved into that cart.</summary>
    Merged,
    /// <summary>Checked out: the order exists.</summary>
    Converted,
}

/// <summary>
/// A shopper's cart, kept on the server so any device (and a store associate) sees the same one. Anonymous until
/// assigned to a customer; a customer has at most one active cart (a unique index says so, not this class).
/// </summary>
internal sealed class Cart
{
    public const int MaxLines = 100;
    public const int MaxQuantity = 10_000;
    public const int MaxCoupons = 10;

    private static readonly Dictionary<CartStatus, CartStatus[]> Transitions = new()
    {
        [CartStatus.Active] = [CartStatus.Merged, CartStatus.Converted],
        [CartStatus.Merged] = [],
        [CartStatus.Converted] = [],
    };

    public Guid Id { get; init; } = Guid.CreateVersion7();
    /// <summary>SHA-256 of the cart token: the token itself is shown once, at creation.</summary>
    public required string TokenHash { get; init; }
    public SalesChannel Channel { get; private set; }
    public CartStatus Status { get; private set; }
    public Guid? CustomerId { get; private set; }
    public string? Currency { get; private set; }
    public string? PreferredStore { get; private set; }
    public Destination? ShippingDestination { get; private set; }
    public List<string> CouponCodes { get; private set; } = [];
    /// <summary>The devices the cart was used on, as the clients name them.</summary>
    public List<string> Devices { get; private set; } = [];
    public string? HandoffCode { get; private set; }
    public DateTime? HandoffExpiresAt { get; private set; }
    /// <summary>The store whose associates opened the handoff code: its store-bound keys may act on the cart.</summary>
    public string? HandedOffTo { get; private set; }
    /// <summary>When the stock hold (id: this cart's id) ends; null when the cart never held stock.</summary>
    public DateTime? HoldExpiresAt { get; private set; }
    public Guid? MergedInto { get; private set; }
    public Guid? OrderId { get; private set; }
    public string? OrderNumber { get; private set; }
    /// <summary>The checkout's scoped Idempotency-Key and request hash: a retry of a checkout that went through gets its order back.</summary>
    public string? CheckoutKey { get; private set; }
    public string? CheckoutHash { get; private set; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; private set; }
    /// <summary>Bumped by every change; a concurrency token, and what a checkout checks before it commits.</summary>
    public int Version { get; private set; }
    public List<CartLine> Lines { get; init; } = [];

    public static Cart Create(string tokenHash, SalesChannel channel, string? deviceId, DateTime at)
    {
        var cart = new Cart { TokenHash = tokenHash, Channel = channel, CreatedAt = at, UpdatedAt = at };
        cart.UseOn(deviceId);
        return cart;
    }

    public static bool CanMove(CartStatus from, CartStatus to) => Transitions[from].Contains(to);

    public CartLine? Line(string sku) => Lines.Find(l => l.Sku == sku);

    /// <summary>Adds units: a SKU already in the cart gets more of it, so two devices adding it both count.</summary>
    public void Add(string sku, string name, string currency, int quantity, FulfillmentMethod? method, DateTime at)
    {
        EnsureActive();
        if (Currency is not null && Currency != currency)
            throw new DomainException("mixed_currency", $"SKU '{sku}' is priced in {currency}, the cart in {Currency}.");
        if (Line(sku) is { } line)
        {
            line.Quantity = Math.Min(MaxQuantity, line.Quantity + quantity);
            if (method is { } m) line.Method = m;
        }
        else
        {
            if (Lines.Count >= MaxLines) throw new DomainException("cart_full", $"A cart holds at most {MaxLines} lines.");
            Lines.Add(new CartLine { CartId = Id, Sku = sku, Name = name, Quantity = quantity, Method = method ?? FulfillmentMethod.Ship, AddedAt = at });
        }
        Currency = currency;
        Touch(at);
    }

    public void Change(CartLine line, int? quantity, FulfillmentMethod? method, DateTime at)
    {
        EnsureActive();
        if (quantity is { } q) line.Quantity = q;
        if (method is { } m) line.Method = m;
        Touch(at);
    }

    public void Remove(CartLine line, DateTime at)
    {
        EnsureActive();
        Lines.Remove(line);
        Touch(at);
    }

    public void Update(string? preferredStore, Destination? destination, IReadOnlyList<string>? coupons, DateTime at)
    {
        EnsureActive();
        if (preferredStore is not null) PreferredStore = preferredStore.Length == 0 ? null : preferredStore;
        if (destination is not null) ShippingDestination = destination;
        if (coupons is not null) CouponCodes = [.. coupons];
        Touch(at);
    }

    public void UseOn(string? deviceId)
    {
        if (deviceId is not null && !Devices.Contains(deviceId)) Devices = [.. Devices, deviceId];
    }

    public void AssignTo(Guid customerId, DateTime at)
    {
        EnsureActive();
        if (CustomerId is { } owner && owner != customerId)
            throw new DomainException("cart_owned", "The cart belongs to another customer.");
        CustomerId = customerId;
        Touch(at);
    }

    /// <summary>
    /// Takes the lines of <paramref name="other"/> (the customer's cart on another device): quantities of a SKU in both
    /// add up, coupons and devices join, and what this cart lacks (store, destination) comes from the other.
    /// </summary>
    public void Absorb(Cart other, DateTime at)
    {
        EnsureActive();
        foreach (var line in other.Lines.OrderBy(l => l.AddedAt)) Add(line.Sku, line.Name, other.Currency!, line.Quantity, line.Method, at);
        PreferredStore ??= other.PreferredStore;
        ShippingDestination ??= other.ShippingDestination;
        CouponCodes = [.. CouponCodes.Union(other.CouponCodes, StringComparer.Ordinal).Take(MaxCoupons)];
        foreach (var device in other.Devices) UseOn(device);
        other.MoveTo(CartStatus.Merged, at);
        other.MergedInto = Id;
        Touch(at);
    }

    public void StartHandoff(string code, DateTime expiresAt, DateTime at)
    {
        EnsureActive();
        HandoffCode = code;
        HandoffExpiresAt = expiresAt;
        Touch(at);
    }

    /// <summary>A store associate opened the handoff: the sale will finish in that store.</summary>
    public void HandOffTo(string store, DateTime at)
    {
        EnsureActive();
        HandedOffTo = store;
        Channel = SalesChannel.Store;
        PreferredStore ??= store;
        Touch(at);
    }

    public void Hold(DateTime expiresAt, DateTime at)
    {
        EnsureActive();
        HoldExpiresAt = expiresAt;
        Touch(at);
    }

    public void Convert(Guid orderId, string orderNumber, string? checkoutKey, string? checkoutHash, DateTime at)
    {
        MoveTo(CartStatus.Converted, at);
        OrderId = orderId;
        OrderNumber = orderNumber;
        CheckoutKey = checkoutKey;
        CheckoutHash = checkoutHash;
        HandoffCode = null;
        HandoffExpiresAt = null;
    }

    public void EnsureActive()
    {
        if (Status == CartStatus.Active) return;
        var extensions = new Dictionary<string, object?> { ["cartStatus"] = Status.ToString().ToLowerInvariant() };
        if (MergedInto is { } target) extensions["mergedInto"] = target;
        if (OrderId is { } order) extensions["orderId"] = order;
        throw new DomainException("cart_not_active",
            Status == CartStatus.Merged ? $"The cart was merged into cart {MergedInto}." : $"The cart was checked out as order {OrderNumber}.",
            StatusCodes.Status409Conflict, extensions);
    }

    private void MoveTo(CartStatus to, DateTime at)
    {
        if (!CanMove(Status, to))
            throw new DomainException("invalid_transition", $"Cart {Id} cannot go from {Status} to {to}.");
        Status = to;
        Touch(at);
    }

    private void Touch(DateTime at)
    {
        UpdatedAt = at;
        Version++;
    }
}

internal sealed class CartLine
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid CartId { get; init; }
    public required string Sku { get; init; }
    /// <summary>Copied from the catalog when first added; prices are never copied, they are quoted live.</summary>
    public required string Name { get; init; }
    public int Quantity { get; set; }
    /// <summary>Ship, or pickup / curbside / carry-out at the cart's preferred store.</summary>
    public FulfillmentMethod Method { get; set; }
    public DateTime AddedAt { get; init; }
}

/// <summary>Where ship lines go.</summary>
internal sealed record Destination(string Line1, string? Line2, string City, string PostalCode, string Country, double? Latitude, double? Longitude);
