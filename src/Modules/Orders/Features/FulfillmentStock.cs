using Omni.Contracts.Inventory;
using Omni.Orders.Domain;

namespace Omni.Orders.Features;

internal static class FulfillmentStock
{
    /// <summary>The fulfillment's units as stock claims at <paramref name="locationCode"/>.</summary>
    public static List<StockClaim> Claims(this Fulfillment f, string locationCode) =>
        [.. f.Lines.Where(l => l.Quantity > 0).Select(l => new StockClaim(f.OrderId, l.OrderLineId, locationCode, l.Sku, l.Quantity))];
}
