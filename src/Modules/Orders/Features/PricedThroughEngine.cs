using Omni.Common;
using Omni.Common.Errors;
using Omni.Common.Validation;
using Omni.Contracts.Catalog;
using Omni.Contracts.Locations;
using Omni.Contracts.Orders;
using Omni.Contracts.Pricing;
using Omni.Orders.Domain;

namespace Omni.Orders.Features;

/// <summary>
/// Orders and store sales take their prices, promotions, coupons and tax from Pricing's one engine, inside the order's
/// transaction: the coupon uses count with the order or not at all.
/// </summary>
internal static class PricedThroughEngine
{
    public const int MaxCoupons = 10;

    public static void ValidateCoupons(Validator errors, List<string>? coupons)
    {
        if (coupons is null) return;
        if (coupons.Count > MaxCoupons) { errors.Add("coupons", $"must have at most {MaxCoupons} codes."); return; }
        for (var i = 0; i < coupons.Count; i++) errors.Required($"coupons[{i}]", coupons[i], 64);
    }

    /// <summary>
    /// Refuses an unknown or used-up coupon on what is committed now, before a transaction locks stock for an order that
    /// cannot be placed anyway (under a rush for a limited coupon most requests are such). Null when it may go on.
    /// </summary>
    public static async Task<IResult?> CheckAsync(IPricing pricing, List<string>? coupons, string? email, CancellationToken ct) =>
        coupons is { Count: > 0 } && await pricing.CheckCouponsAsync(coupons, null, OrderInput.Normalize(email), ct) is { } refused ? Refusal(refused) : null;

    /// <summary>
    /// Prices <paramref name="order"/> and redeems its coupons; null when done, else the 409 to answer (the caller rolls back).
    /// Tax follows where the goods go: the shipping address, else the store of the first line that names one.
    /// </summary>
    public static async Task<IResult?> PriceAsync(IPricing pricing, Order order, IReadOnlyDictionary<string, VariantSnapshot> variants,
        List<string>? coupons, string? shipToCountry, IReadOnlyDictionary<string, LocationSnapshot> locations, bool atTill, CancellationToken ct)
    {
        var taxCountry = shipToCountry?.ToUpperInvariant()
            ?? order.Lines.Select(l => l.LocationCode).OfType<string>().Select(c => locations.GetValueOrDefault(c)?.Country).FirstOrDefault(c => c is not null);
        var lines = order.Lines.Select(l => new OrderPricingLine(variants[l.Sku], l.Quantity,
            atTill ? new Money(l.UnitPriceMinor, order.Currency) : null)).ToList();
        var store = order.Channel == Contracts.SalesChannel.Store ? order.Lines[0].LocationCode : null;
        var result = await pricing.PriceOrderAsync(new OrderPricingRequest(
            order.Id, order.Channel, store, order.PlacedAt, lines, coupons ?? [], order.CustomerId, order.CustomerEmail, taxCountry, null, atTill), ct);
        if (result.Order is null) return Refusal(result);
        order.ApplyPricing(result.Order);
        return null;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Refusal(OrderPricingResult refused) =>
        Problems.Conflict(refused.RefusalCode!, refused.RefusalDetail!, new Dictionary<string, object?> { ["coupon"] = refused.Coupon });
}
