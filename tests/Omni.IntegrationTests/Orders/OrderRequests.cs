namespace Omni.IntegrationTests.Orders;

internal static class OrderRequests
{
    public static readonly object Lyon = new { line1 = "1 Place Bellecour", city = "Lyon", postalCode = "69002", country = "FR", latitude = 45.7578, longitude = 4.8320 };

    public static object Ship(string channel, params (string Sku, int Quantity)[] lines) => new
    {
        channel,
        customer = new { email = "ana@example.com", name = "Ana", phone = "+33600000000" },
        shippingAddress = Lyon,
        lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity, fulfillment = new { method = "ship" } }).ToArray(),
    };

    public static object Pickup(string store, params (string Sku, int Quantity)[] lines) => new
    {
        channel = "web",
        customer = new { email = "ana@example.com", name = "Ana" },
        lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity, fulfillment = new { method = "pickup", locationCode = store } }).ToArray(),
    };
}
