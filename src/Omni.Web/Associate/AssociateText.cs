using Omni.Orders.Features;

namespace Omni.Web.Associate;

/// <summary>How the associate app names fulfillment methods and statuses, and which lane of the queue a fulfillment shows in.</summary>
internal static class AssociateText
{
    /// <summary>The lanes of today's queue, in the order a store works them.</summary>
    public static readonly IReadOnlyList<(string Kind, string Title)> Lanes =
    [
        ("arrivals", "Curbside arrivals"),
        ("ready", "Ready for pickup"),
        ("prepare", "Pickups to prepare"),
        ("picks", "Ship-from-store picks"),
        ("incoming", "On the way to this store"),
    ];

    /// <summary>
    /// Where a waiting fulfillment belongs for <paramref name="store"/>: what this store picks for a customer who collects
    /// here is a pickup to prepare; what it picks to send away (to a customer or another store) is a ship-from-store pick;
    /// what another location picks for a customer collecting here is on its way.
    /// </summary>
    public static string LaneOf(FulfillmentDetails f, string store) => f.Status switch
    {
        "customer_arrived" => "arrivals",
        "ready_for_pickup" => "ready",
        "received_at_store" => "prepare",
        "in_transit" => "incoming",
        _ when f.LocationCode != store => "incoming",
        _ when f.HandoverLocationCode == store => "prepare",
        _ => "picks",
    };

    public static string Method(string method) => method switch
    {
        "ship" => "Ship to customer",
        "pickup" => "Pickup",
        "curbside" => "Curbside",
        "shipToStore" => "Ship to store",
        "carryOut" => "Carry out",
        _ => method,
    };

    public static string Status(string status) => status.Replace('_', ' ');
}
