using Omni.Carts.Domain;
using Omni.Common.Validation;
using Omni.Contracts.Orders;

namespace Omni.Carts.Features;

/// <summary>Checks shared by the line edits.</summary>
internal static class CartInput
{
    public static void Quantity(Validator errors, string field, int? quantity)
    {
        if (errors.Required(field, quantity)) errors.Range(field, quantity!.Value, 1, Cart.MaxQuantity);
    }

    /// <summary>A cart line ships, or is picked up, brought to the car or carried out at the cart's preferred store.</summary>
    public static void Method(Validator errors, string field, FulfillmentMethod? method)
    {
        if (method is not null and not (FulfillmentMethod.Ship or FulfillmentMethod.Pickup or FulfillmentMethod.Curbside or FulfillmentMethod.CarryOut))
            errors.Add(field, "must be ship, pickup, curbside or carryOut (all but ship happen at the cart's preferred store).");
    }

    public static string Sku(string sku) => sku.Trim().ToUpperInvariant();
}
