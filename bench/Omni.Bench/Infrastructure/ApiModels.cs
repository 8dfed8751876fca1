namespace Omni.Bench.Infrastructure;

// The bench's own copies of the few public API shapes it needs (API.md). It deliberately does not
// reference the server or its contracts: it sees the API exactly as an outside channel does.

internal sealed record Money(decimal Amount, string Currency);

internal sealed record Page<T>(IReadOnlyList<T>? Items, string? Next);

internal sealed record ProductDto(string Code, IReadOnlyList<VariantDto>? Variants);

internal sealed record VariantDto(string Sku, Money? Price);

internal sealed record AddressDto(string? Line1, string? City, string? PostalCode, string? Country);

internal sealed record LocationDto(
    string Code,
    string? Type,
    double? Latitude,
    double? Longitude,
    IReadOnlyList<string>? Capabilities,
    AddressDto? Address)
{
    public bool Can(string capability) => Capabilities?.Contains(capability, StringComparer.OrdinalIgnoreCase) == true;
}

internal sealed record StockDto(string LocationCode, string Sku, int OnHand, int Reserved, int SafetyStock, int Available);

internal sealed record CreateProductRequest(string Code, string Name, string Brand, string Category, IReadOnlyList<CreateVariantRequest> Variants);

internal sealed record CreateVariantRequest(string Sku, string Gtin, string Name, Money Price);

internal sealed record SetStockRequest(int OnHand, int SafetyStock);

internal sealed record PlaceOrderRequest(string Channel, CustomerRequest Customer, ShippingAddress ShippingAddress, IReadOnlyList<OrderLineRequest> Lines);

internal sealed record CustomerRequest(string Email, string Name);

internal sealed record ShippingAddress(string Line1, string City, string PostalCode, string Country, double Latitude, double Longitude);

internal sealed record OrderLineRequest(string Sku, int Quantity, FulfillmentRequest Fulfillment);

internal sealed record FulfillmentRequest(string Method, string? LocationCode = null);

internal sealed record ProblemDto(int? Status, string? Code, string? Title, string? Detail);
