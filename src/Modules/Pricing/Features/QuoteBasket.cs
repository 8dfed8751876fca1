using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Omni.Common;
using Omni.Common.Errors;
using Omni.Common.Validation;
using Omni.Contracts;
using Omni.Contracts.Catalog;
using Omni.Contracts.Identity;
using Omni.Pricing.Data;
using Omni.Pricing.Engine;

namespace Omni.Pricing.Features;

internal sealed record QuoteRequest(string? Channel, string? LocationCode, string? LoyaltyTier, DateTime? At, List<QuoteLineRequest>? Lines);

internal sealed record QuoteLineRequest(string? Sku, int? Quantity);

internal sealed record QuoteDetails(
    SalesChannel Channel, string? LocationCode, string? LoyaltyTier, DateTime At, string Currency,
    IReadOnlyList<QuoteLineDetails> Lines, MoneyDto Subtotal, MoneyDto DiscountTotal, MoneyDto Total, IReadOnlyList<AdjustmentDetails> Promotions);

internal sealed record QuoteLineDetails(
    string Sku, string Name, int Quantity, MoneyDto CatalogUnitPrice, MoneyDto BaseUnitPrice, PriceSource PriceSource,
    Guid? PriceExceptionId, string? PriceExceptionReason, MoneyDto Subtotal, IReadOnlyList<AdjustmentDetails> Adjustments,
    MoneyDto Discount, MoneyDto Total, IReadOnlyList<NotApplied> NotApplied);

internal sealed record AdjustmentDetails(Guid PromotionId, string Code, string Name, MoneyDto Amount);

/// <summary>Prices any basket for any channel and store: what the POS, the web shop and the call center all ask.</summary>
internal static class QuoteBasket
{
    private const int MaxLines = 500;
    private const int MaxQuantity = 10_000;

    public static RouteHandlerBuilder Map(RouteGroupBuilder pricing) =>
        pricing.MapPost("/quote", Handle).WithName(nameof(QuoteBasket))
            .WithSummary("Prices a basket for a channel, store, loyalty tier and time, explaining every line's promotions.")
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Ok<QuoteDetails>, ValidationProblem, ProblemHttpResult>> Handle(
        QuoteRequest request, ClaimsPrincipal user, ICatalogLookup catalog, PricingDbContext db, PricingRulesCache cache, TimeProvider clock, CancellationToken ct)
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
        var rules = await cache.GetAsync(db, ct);
        var quote = PricingEngine.Quote(basket, rules.Promotions, context, rules.Exceptions);
        return TypedResults.Ok(ToDetails(quote, context, skus.Select(s => variants[s].Name).ToList()));
    }

    private static QuoteDetails ToDetails(Quote quote, PricingContext context, List<string> names) => new(
        context.Channel, context.LocationCode, context.LoyaltyTier, context.At, quote.Currency,
        [.. quote.Lines.Select((l, i) => new QuoteLineDetails(
            l.Sku, names[i], l.Quantity, l.CatalogUnitPrice.ToDto(), l.BaseUnitPrice.ToDto(), l.PriceSource, l.PriceExceptionId, l.PriceExceptionReason,
            l.Subtotal.ToDto(), [.. l.Adjustments.Select(ToDetails)], l.Discount.ToDto(), l.Total.ToDto(), l.NotApplied))],
        quote.Subtotal.ToDto(), quote.DiscountTotal.ToDto(), quote.Total.ToDto(), [.. quote.Promotions.Select(ToDetails)]);

    private static AdjustmentDetails ToDetails(Adjustment a) => new(a.PromotionId, a.Code, a.Name, a.Amount.ToDto());
}
