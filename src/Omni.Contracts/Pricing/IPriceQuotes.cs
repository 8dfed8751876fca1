using Omni.Common;

namespace Omni.Contracts.Pricing;

/// <summary>A line to price.</summary>
/// <param name="Sku">The SKU; must exist in the catalog.</param>
/// <param name="Quantity">Units.</param>
public sealed record PriceQuoteLine(string Sku, int Quantity);

/// <summary>A basket to price where and when it is sold.</summary>
/// <param name="Channel">The sales channel.</param>
/// <param name="LocationCode">The store, for store prices and store-scoped promotions; null online.</param>
/// <param name="Lines">The lines, one per SKU.</param>
/// <param name="Coupons">Coupon codes to apply as an order would, without redeeming them; a code that could not be used now is left out and reported.</param>
/// <param name="CustomerId">Whose coupons (assigned codes, per-customer limits).</param>
/// <param name="TaxCountry">ISO 3166-1 alpha-2 country whose tax applies, as an order's shipping address or store would choose; null for none.</param>
public sealed record PriceQuoteRequest(SalesChannel Channel, string? LocationCode, IReadOnlyList<PriceQuoteLine> Lines,
    IReadOnlyList<string>? Coupons = null, Guid? CustomerId = null, string? TaxCountry = null);

/// <summary>What a coupon of a quote came to.</summary>
/// <param name="Code">The code, normalized.</param>
/// <param name="Discount">What it took off; null when it was not applied.</param>
/// <param name="RefusalCode">Why not (<c>coupon_invalid</c>, <c>coupon_exhausted</c>, <c>coupon_limit_per_customer</c>, <c>coupon_not_applicable</c>); null when applied.</param>
public sealed record QuotedCoupon(string Code, Money? Discount, string? RefusalCode);

/// <summary>A promotion that reduced a line.</summary>
/// <param name="PromotionId">The promotion.</param>
/// <param name="Code">Its code.</param>
/// <param name="Name">Its display name.</param>
/// <param name="Amount">The discount it gave this line.</param>
public sealed record PricedPromotion(Guid PromotionId, string Code, string Name, Money Amount);

/// <summary>A priced line.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Quantity">Units.</param>
/// <param name="UnitPrice">The unit price before promotions (the price book, or a price exception).</param>
/// <param name="Subtotal">Unit price times quantity.</param>
/// <param name="Discount">What promotions took off.</param>
/// <param name="Total">Subtotal less discount.</param>
/// <param name="Promotions">The promotions applied to this line.</param>
public sealed record PricedLine(string Sku, int Quantity, Money UnitPrice, Money Subtotal, Money Discount, Money Total, IReadOnlyList<PricedPromotion> Promotions);

/// <summary>A priced basket: Σ line totals = <see cref="Total"/>.</summary>
/// <param name="Currency">The one currency of the basket.</param>
/// <param name="Lines">The lines, in request order.</param>
/// <param name="Subtotal">Before promotions.</param>
/// <param name="Discount">What promotions took off.</param>
/// <param name="Total">What the customer pays (tax included when <see cref="PriceQuoteRequest.TaxCountry"/> adds it on top).</param>
/// <param name="Coupons">Each coupon of the request, applied or not.</param>
public sealed record PriceQuote(string Currency, IReadOnlyList<PricedLine> Lines, Money Subtotal, Money Discount, Money Total,
    IReadOnlyList<QuotedCoupon>? Coupons = null)
{
    /// <summary>The codes that took something off: what an order placed from this basket should present.</summary>
    public IReadOnlyList<string> AppliedCoupons => [.. (Coupons ?? []).Where(c => c.Discount is not null).Select(c => c.Code)];
}

/// <summary>Prices baskets with the one pricing engine, the same way <c>POST /api/v1/pricing/quote</c> does.</summary>
public interface IPriceQuotes
{
    /// <summary>
    /// Prices <paramref name="request"/> now. Every SKU must exist and all must share one currency, otherwise a
    /// <c>DomainException</c> (409 <c>unknown_sku</c> or <c>mixed_currency</c>).
    /// </summary>
    Task<PriceQuote> QuoteAsync(PriceQuoteRequest request, CancellationToken ct);
}
