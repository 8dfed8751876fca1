using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Omni.Common;
using Omni.Common.Errors;
using Omni.Common.Validation;
using Omni.Contracts;
using Omni.Contracts.Catalog;
using Omni.Contracts.Identity;
using Omni.Contracts.Locations;
using Omni.Pricing.Coupons;
using Omni.Pricing.Data;
using Omni.Pricing.Engine;

namespace Omni.Pricing.Features;

/// <summary><c>country</c>/<c>region</c> choose the tax (default: the store's country); <c>customerId</c>/<c>email</c> whose coupons are checked.</summary>
internal sealed record QuoteRequest(
    string? Channel, string? LocationCode, string? LoyaltyTier, DateTime? At, List<QuoteLineRequest>? Lines,
    List<string>? Coupons = null, Guid? CustomerId = null, string? Email = null, string? Country = null, string? Region = null);

internal sealed record QuoteLineRequest(string? Sku, int? Quantity);

internal sealed record QuoteDetails(
    SalesChannel Channel, string? LocationCode, string? LoyaltyTier, DateTime At, string Currency,
    IReadOnlyList<QuoteLineDetails> Lines, MoneyDto Subtotal, MoneyDto DiscountTotal, MoneyDto Total, IReadOnlyList<AdjustmentDetails> Promotions,
    MoneyDto TaxTotal, TaxDetails? Tax, IReadOnlyList<CouponApplied> Coupons);

/// <summary>The rate applied to every line; <c>inclusive</c>: line totals contain the tax, otherwise it was added to them.</summary>
internal sealed record TaxDetails(string Country, string? Region, string Name, decimal Rate, bool Inclusive);

internal sealed record CouponApplied(string Code, Guid PromotionId, MoneyDto Discount);

internal sealed record QuoteLineDetails(
    string Sku, string Name, int Quantity, MoneyDto CatalogUnitPrice, MoneyDto BaseUnitPrice, PriceSource PriceSource,
    Guid? PriceExceptionId, string? PriceExceptionReason, MoneyDto Subtotal, IReadOnlyList<AdjustmentDetails> Adjustments,
    MoneyDto Discount, MoneyDto Tax, MoneyDto Total, IReadOnlyList<NotApplied> NotApplied);

internal sealed record AdjustmentDetails(Guid PromotionId, string Code, string Name, MoneyDto Amount);

/// <summary>Prices any basket for any channel and store: what the POS, the web shop and the call center all ask.</summary>
internal static class QuoteBasket
{
    private const int MaxLines = 500;
    private const int MaxQuantity = 10_000;
    private const int MaxCoupons = 10;

    public static RouteHandlerBuilder Map(RouteGroupBuilder pricing) =>
        pricing.MapPost("/quote", Handle).WithName(nameof(QuoteBasket))
            .WithSummary("Prices a basket for a channel, store, loyalty tier and time, explaining every line's promotions.")
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Ok<QuoteDetails>, ValidationProblem, ProblemHttpResult>> Handle(
        QuoteRequest request, ClaimsPrincipal user, ICatalogLookup catalog, ILocationDirectory directory, PricingDbContext db, PricingRulesCache cache,
        TimeProvider clock, CancellationToken ct)
    {
        var v = new Validator();
        if (request is null) return v.Add("body", "is required.").ToProblem();
        // A till asks for its own store's prices without repeating its code; a store-bound key names its store.
        if (request.LocationCode is null && user.BoundStore() is { } store) request = request with { LocationCode = store };
        var channel = SalesChannel.Web;
        if (v.Required("channel", request.Channel, 32) && !SalesChannels.TryParse(request.Channel, out channel))
            v.Add("channel", "must be web, app, store, social, marketplace or callcenter.");
        if (request.LocationCode is not null) v.Code("locationCode", request.LocationCode);
        v.Optional("loyaltyTier", request.LoyaltyTier, 64);
        var lines = request.Lines ?? [];
        if (lines.Count == 0) v.Add("lines", "needs at least one line.");
        else if (lines.Count > MaxLines) v.Add("lines", $"must have at most {MaxLines} lines.");
        for (var i = 0; i < lines.Count && lines.Count <= MaxLines; i++)
        {
            if (lines[i] is not { } line) { v.Add($"lines[{i}]", "is required."); continue; }
            v.Code($"lines[{i}].sku", line.Sku);
            if (v.Required($"lines[{i}].quantity", line.Quantity)) v.Range($"lines[{i}].quantity", line.Quantity!.Value, 1, MaxQuantity);
        }
        var coupons = request.Coupons ?? [];
        if (coupons.Count > MaxCoupons) v.Add("coupons", $"must have at most {MaxCoupons} codes.");
        for (var i = 0; i < coupons.Count && coupons.Count <= MaxCoupons; i++) v.Required($"coupons[{i}]", coupons[i], 64);
        if (request.Email is { } email && (email.Length > 254 || !System.Net.Mail.MailAddress.TryCreate(email.Trim(), out _))) v.Add("email", "must be an e-mail address.");
        if (request.Country is not null) v.Country("country", request.Country.Trim().ToUpperInvariant());
        if (request.Region is not null) v.Code("region", request.Region, 10);
        if (!v.IsValid) return v.ToProblem();

        var skus = lines.Select(l => PromotionRules.Normalize(l.Sku!)).ToList();
        var variants = await catalog.FindVariantsAsync(skus, ct);
        for (var i = 0; i < skus.Count; i++)
            if (!variants.ContainsKey(skus[i])) v.Add($"lines[{i}].sku", "is not a known SKU.");
        if (!v.IsValid) return v.ToProblem();

        var currencies = skus.Select(s => variants[s].Price.Currency).Distinct().ToList();
        if (currencies.Count > 1)
            return Problems.Conflict("mixed_currency", $"The SKUs are priced in different currencies ({string.Join(", ", currencies)}); quote them separately.",
                new Dictionary<string, object?> { ["currencies"] = currencies });

        var basket = new Basket(currencies[0], [.. skus.Select((s, i) =>
        {
            var variant = variants[s];
            return new BasketLine(variant.Sku, lines[i].Quantity!.Value, variant.Price, variant.Category, variant.Brand);
        })]);
        var context = new PricingContext(
            channel, request.LocationCode is null ? null : PromotionRules.Normalize(request.LocationCode),
            string.IsNullOrWhiteSpace(request.LoyaltyTier) ? null : request.LoyaltyTier.Trim(),
            PromotionRules.Utc(request.At) ?? clock.GetUtcNow().UtcDateTime);
        var (presented, refusal) = await PresentedCoupons.ResolveAsync(db, coupons, request.CustomerId, request.Email, ct);
        refusal ??= await PresentedCoupons.PreviewLimitsAsync(db, presented, request.CustomerId, request.Email, ct);
        if (refusal is not null) return Refuse(refusal);

        var country = request.Country?.Trim().ToUpperInvariant();
        if (country is null && context.LocationCode is { } shop && (await directory.AllAsync(ct)).TryGetValue(shop, out var location)) country = location.Country;
        var rules = await cache.GetAsync(db, ct);
        var (quote, effects) = Quoting.Price(basket, rules, context, presented, country, request.Region?.Trim().ToUpperInvariant());
        if (effects.FirstOrDefault(e => e.Discount is null) is { } idle) return Refuse(PresentedCoupons.Refuse(PresentedCoupons.NotApplicable, idle.Presented.Code.Code));
        return TypedResults.Ok(ToDetails(quote, context, skus.Select(s => variants[s].Name).ToList(), effects));
    }

    private static ProblemHttpResult Refuse(CouponRefusal refusal) =>
        Problems.Conflict(refusal.Code, refusal.Detail, new Dictionary<string, object?> { ["coupon"] = refusal.Coupon });

    private static QuoteDetails ToDetails(Quote quote, PricingContext context, List<string> names, List<CouponEffect> coupons) => new(
        context.Channel, context.LocationCode, context.LoyaltyTier, context.At, quote.Currency,
        [.. quote.Lines.Select((l, i) => new QuoteLineDetails(
            l.Sku, names[i], l.Quantity, l.CatalogUnitPrice.ToDto(), l.BaseUnitPrice.ToDto(), l.PriceSource, l.PriceExceptionId, l.PriceExceptionReason,
            l.Subtotal.ToDto(), [.. l.Adjustments.Select(ToDetails)], l.Discount.ToDto(), l.Tax.ToDto(), l.Total.ToDto(), l.NotApplied))],
        quote.Subtotal.ToDto(), quote.DiscountTotal.ToDto(), quote.Total.ToDto(), [.. quote.Promotions.Select(ToDetails)], quote.TaxTotal.ToDto(),
        quote.Tax is { } t ? new TaxDetails(t.Country, t.Region, t.Name, t.RateMillipercent / 1000m, t.Inclusive) : null,
        [.. coupons.Select(c => new CouponApplied(c.Presented.Code.Code, c.Presented.Coupon.PromotionId, c.Discount!.Value.ToDto()))]);

    private static AdjustmentDetails ToDetails(Adjustment a) => new(a.PromotionId, a.Code, a.Name, a.Amount.ToDto());
}
