using Omni.Common;
using Omni.Contracts;
using Omni.Pricing.Domain;

namespace Omni.Pricing.Features;

internal sealed record PriceExceptionRequest(string? Sku, string? Channel, string? LocationCode, MoneyDto? Price, string? Reason);

internal sealed record PriceExceptionDetails(
    Guid Id, string Sku, SalesChannel? Channel, string? LocationCode, MoneyDto Price, string Reason, DateTime CreatedAt);

internal sealed record PriceExceptionPage(IReadOnlyList<PriceExceptionDetails> Items, string? Next);

internal static class PriceExceptionMapping
{
    public static PriceExceptionDetails ToDetails(this PriceExceptionRecord e) =>
        new(e.Id, e.Sku, e.Channel, e.LocationCode, new Money(e.PriceMinor, e.Currency).ToDto(), e.Reason, e.CreatedAt);

    /// <summary>Reports and lists read in one order: by SKU, then channel-wide before store-specific.</summary>
    public static IOrderedEnumerable<PriceExceptionRecord> InReportOrder(this IEnumerable<PriceExceptionRecord> exceptions) =>
        exceptions.OrderBy(e => e.Sku, StringComparer.Ordinal).ThenBy(e => e.ScopeKey, StringComparer.Ordinal);
}
