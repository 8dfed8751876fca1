namespace Omni.Contracts.Orders;

/// <summary>How an order line reaches the customer.</summary>
public enum FulfillmentMethod
{
    /// <summary>Shipped to the customer's address from a warehouse or store.</summary>
    Ship,
    /// <summary>Collected at a store's counter (click-and-collect, BOPIS).</summary>
    Pickup,
    /// <summary>Brought out to the customer's car at a store.</summary>
    Curbside,
    /// <summary>Shipped to a store, then collected there.</summary>
    ShipToStore,
    /// <summary>Taken home at once from the store (a till sale, endless aisle from the shelf).</summary>
    CarryOut,
}
