using Omni.Common;
using Omni.Contracts.Catalog;

namespace Omni.Contracts.Pricing;

/// <summary>One line of an order to price.</summary>
/// <param name="Variant">The catalog variant, as the order looked it up.</param>
/// <param name="Quantity">Units.</param>
/// <param name="TillUnitPrice">For a store sale: the unit price the till charged before promotions; it replaces the price book's and any exception.</param>
public sealed record OrderPricingLine(VariantSnapshot Variant, int Quantity, Money? TillUnitPrice = null);

/// <summary>An order (or a store sale) to price and whose coupons to redeem.</summary>
/// <param name="OrderId">The order the coupon uses are recorded against (and released with).</param>
/// <param name="Channel">The channel the order comes from.</param>
/// <param name="LocationCode">The store of a store sale or a store-scoped price; null for the network.</param>
/// <param name="At">When the order is placed or the sale happened (UTC): promotions valid then apply.</param>
/// <param name="Lines">The lines, in order; the answer keeps that order.</param>
/// <param name="Coupons">Coupon codes as the customer typed them.</param>
/// <param name="CustomerId">The customer's id when known (per-customer limits and assigned codes).</param>
/// <param name="CustomerEmail">The customer's e-mail when known (used when there is no id).</param>
/// <param name="TaxCountry">ISO 3166-1 alpha-2 country whose tax applies (the shipping address, else the store's).</param>
/// <param name="TaxRegion">Region within the country (a US state) when its rate differs.</param>
/// <param name="AtTill">True for a store sale that already happened: coupons beyond a limit are recorded as over the limit instead of refused.</param>
public sealed record OrderPricingRequest(
    Guid OrderId, SalesChannel Channel, string? LocationCode, DateTime At, IReadOnlyList<OrderPricingLine> Lines,
    IReadOnlyList<string> Coupons, Guid? CustomerId, string? CustomerEmail, string? TaxCountry, string? TaxRegion, bool AtTill);

/// <summary>A priced order line.</summary>
/// <param name="UnitPrice">The base unit price (price book, exception or till) before promotions.</param>
/// <param name="Discount">All promotions and coupons taken off the line.</param>
/// <param name="Tax">The line's tax: contained in <paramref name="Total"/> when <paramref name="TaxIncluded"/>, added to it otherwise.</param>
/// <param name="TaxIncluded">True when prices include the tax (VAT), false when it is added on top (US sales tax).</param>
/// <param name="Total">What the line costs the customer.</param>
/// <param name="Promotions">Codes of the promotions that reduced the line, in the order they applied.</param>
public sealed record PricedOrderLine(Money UnitPrice, Money Discount, Money Tax, bool TaxIncluded, Money Total, IReadOnlyList<string> Promotions);

/// <summary>The priced order: Σ line totals = <paramref name="Total"/>.</summary>
/// <param name="Lines">One per requested line, same order.</param>
/// <param name="Subtotal">Base prices × quantities.</param>
/// <param name="Discount">Everything taken off.</param>
/// <param name="Tax">All tax, included or added.</param>
/// <param name="Total">What the order costs.</param>
/// <param name="Coupons">Codes redeemed (normalized), including over-limit ones of a store sale.</param>
public sealed record PricedOrder(IReadOnlyList<PricedOrderLine> Lines, Money Subtotal, Money Discount, Money Tax, Money Total, IReadOnlyList<string> Coupons);

/// <summary>Either a priced order or why it is refused.</summary>
/// <param name="Order">The priced order; null when refused.</param>
/// <param name="RefusalCode"><c>coupon_invalid</c>, <c>coupon_exhausted</c>, <c>coupon_limit_per_customer</c> or <c>coupon_not_applicable</c>.</param>
/// <param name="RefusalDetail">What went wrong, for people.</param>
/// <param name="Coupon">The code refused.</param>
public sealed record OrderPricingResult(PricedOrder? Order, string? RefusalCode = null, string? RefusalDetail = null, string? Coupon = null);

/// <summary>
/// The one pricing engine, for order placement and store sales. Runs on the caller's connection and open transaction
/// (<c>DbSession</c>): coupon uses are counted atomically in it, so a refused or rolled-back order leaves no use behind.
/// </summary>
public interface IPricing
{
    /// <summary>
    /// Prices the lines with the promotions, price exceptions, coupons and tax in force and redeems the coupons.
    /// On a refusal the caller must roll back (coupon uses may already be counted in the transaction).
    /// </summary>
    Task<OrderPricingResult> PriceOrderAsync(OrderPricingRequest request, CancellationToken ct);

    /// <summary>
    /// Checks coupons against the limits as committed now, writing nothing: lets an order refuse an exhausted or unknown
    /// coupon before it opens a transaction and locks stock. Null when they may be used; the redemption re-checks atomically.
    /// </summary>
    Task<OrderPricingResult?> CheckCouponsAsync(IReadOnlyList<string> coupons, Guid? customerId, string? customerEmail, CancellationToken ct);

    /// <summary>Gives back the coupon uses of a cancelled order; a second call does nothing.</summary>
    Task ReleaseCouponsAsync(Guid orderId, DateTime at, CancellationToken ct);
}
