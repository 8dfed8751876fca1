namespace Omni.Customers.Domain;

/// <summary>A shopper did something on a channel: viewed a product, searched, visited a store. Anonymous until the device is linked.</summary>
internal sealed class Interaction
{
    public Guid Id { get; init; }
    public required string DeviceId { get; init; }
    public Guid? CustomerId { get; set; }
    public required string Type { get; init; }
    public required string Channel { get; init; }
    public DateTime OccurredAt { get; init; }
    public DateTime ReceivedAt { get; init; }
    public string? Payload { get; init; }
}

internal static class InteractionTypes
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "product_viewed", "product_list_viewed", "searched", "added_to_cart", "removed_from_cart", "checkout_started",
        "wishlisted", "store_visited", "page_viewed", "offer_viewed",
    };
}
