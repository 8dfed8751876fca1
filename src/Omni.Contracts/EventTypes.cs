using Omni.Contracts.Catalog;
using Omni.Contracts.Customers;
using Omni.Contracts.Inventory;
using Omni.Contracts.Locations;
using Omni.Contracts.Orders;
using Omni.Contracts.Payments;
using Omni.Contracts.Pricing;
using Omni.Contracts.Returns;

namespace Omni.Contracts;

/// <summary>Every event type a module publishes to the feed: what webhook subscriptions may name.</summary>
public static class EventTypes
{
    /// <summary>All published types, dotted lower case.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        LocationCreated.EventType, LocationUpdated.EventType,
        ProductCreated.EventType, ProductUpdated.EventType,
        InventoryChanged.EventType, InventoryOversold.EventType, InventorySnapshotApplied.EventType,
        OrderPlaced.EventType, OrderCancelled.EventType, OrderLinesCancelled.EventType,
        FulfillmentReadyForPickup.EventType, FulfillmentShipped.EventType, FulfillmentHandedOver.EventType, FulfillmentExpired.EventType,
        FulfillmentPicked.EventType, FulfillmentPacked.EventType, FulfillmentInTransit.EventType, FulfillmentReceivedAtStore.EventType,
        FulfillmentCustomerArrived.EventType, FulfillmentDelivered.EventType, FulfillmentCancelled.EventType, FulfillmentResourced.EventType,
        PromotionCreated.EventType, PromotionUpdated.EventType,
        PaymentAuthorized.EventType, PaymentCaptured.EventType, PaymentVoided.EventType, PaymentRefunded.EventType,
        ReturnReceived.EventType, ReturnRefunded.EventType, ReturnRequested.EventType, ReturnRequestCancelled.EventType,
        CustomerMerged.EventType, CustomerErased.EventType,
    ];
}
