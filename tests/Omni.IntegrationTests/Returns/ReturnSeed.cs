using System.Net;
using System.Text.Json;
using Omni.IntegrationTests.Infrastructure;
using static Omni.IntegrationTests.Orders.OrderRequests;

namespace Omni.IntegrationTests.Returns;

/// <summary>Orders to return, built through the public API: a web order shipped from a warehouse, or a till sale.</summary>
internal static class ReturnSeed
{
    public static async Task<string> Product(HttpClient api, string category, decimal price = 20m)
    {
        var sku = OmniFactory.Unique("SKU");
        await (await api.PostJson("/api/v1/products", new
        {
            code = OmniFactory.Unique("PRD"), name = $"Product {sku}", brand = "Omni", category,
            variants = new[] { new { sku, gtin = ApiSeed.Gtin(), name = "default", attributes = new Dictionary<string, string>(), price = new { amount = price, currency = "EUR" } } },
        })).Json(HttpStatusCode.Created);
        return sku;
    }

    /// <summary>A web order of <paramref name="quantity"/> units shipped from a warehouse that has them.</summary>
    public static async Task<(Guid OrderId, string Warehouse)> WebOrder(HttpClient api, string sku, int quantity)
    {
        var warehouse = await ApiSeed.Location(api, "WH", "warehouse", 45.75, 4.85, ["ship"]);
        await ApiSeed.Stock(api, warehouse, sku, quantity + 10);
        var order = await (await api.PostJson("/api/v1/orders", Ship("web", (sku, quantity)), Guid.NewGuid().ToString())).Json(HttpStatusCode.Created);
        return (order.GetProperty("id").GetGuid(), warehouse);
    }

    /// <summary>A store sale (a completed order) at <paramref name="store"/>, at the till's price.</summary>
    public static async Task<Guid> TillSale(HttpClient api, string store, string sku, int quantity, decimal unitPrice)
    {
        var sale = await (await api.PostJson($"/api/v1/stores/{store}/sales", new
        {
            lines = new[] { new { sku, quantity, unitPrice = new { amount = unitPrice, currency = "EUR" } } },
        }, Guid.NewGuid().ToString())).Json(HttpStatusCode.Created);
        return sale.GetProperty("id").GetGuid();
    }

    public static object Return(Guid orderId, string location, params (string Sku, int Quantity, string Condition)[] lines) => new
    {
        orderId, locationCode = location, refundTo = "originalTender",
        lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity, condition = l.Condition, reason = "changed my mind" }).ToArray(),
    };

    public static async Task<JsonElement> Accepted(HttpClient api, object body, string? key = null) =>
        await (await api.PostJson("/api/v1/returns", body, key ?? Guid.NewGuid().ToString())).Json(HttpStatusCode.Created);

    public static decimal Amount(this JsonElement money) => money.GetProperty("amount").GetDecimal();
}
