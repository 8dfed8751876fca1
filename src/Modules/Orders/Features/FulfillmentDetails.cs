using System.Security.Claims;
using Omni.Common;
using Omni.Contracts.Identity;
using Omni.Orders.Domain;
using Contract = Omni.Contracts.Orders;

namespace Omni.Orders.Features;

public sealed record FulfillmentLineDetails(Guid OrderLineId, string Sku, int Quantity, int ShortQuantity, MoneyDto Amount);

public sealed record FulfillmentDetails(Guid Id, Guid OrderId, string OrderNumber, string Method, string Status, string LocationCode,
    string? HandoverLocationCode, string? PickupCode, DateTime? ReadyAt, DateTime? ExpiresAt, string? Carrier, string? TrackingNumber,
    Guid? ReplacesFulfillmentId, MoneyDto Amount, IReadOnlyList<FulfillmentLineDetails> Lines, DateTime CreatedAt, DateTime UpdatedAt, DateTime? ClosedAt);

internal static class FulfillmentMapping
{
    /// <summary>
    /// A store-bound key never sees the pickup code: the counter must hear it from the customer, or the code proves nothing.
    /// Channels that tell the customer (web shop, app, notifications) use unbound keys.
    /// </summary>
    public static FulfillmentDetails ToDetails(this Fulfillment f, ClaimsPrincipal user) => new(
        f.Id, f.OrderId, f.OrderNumber, Wire.Of(f.Method), Wire.Of(f.Status), f.LocationCode, f.HandoverLocationCode,
        user.BoundStore() is null ? f.PickupCode : null, f.ReadyAt, f.ExpiresAt, f.Carrier, f.TrackingNumber, f.ReplacesFulfillmentId,
        f.Amount.ToDto(),
        [.. f.Lines.OrderBy(l => l.Id).Select(l => new FulfillmentLineDetails(l.OrderLineId, l.Sku, l.Quantity, l.ShortQuantity,
            new Money(l.AmountMinor(l.Quantity), f.Currency).ToDto()))],
        f.CreatedAt, f.UpdatedAt, f.ClosedAt);

    /// <summary>The units of a fulfillment as events carry them; lines with no units left are omitted.</summary>
    public static List<Contract.FulfillmentLine> EventLines(this Fulfillment f) =>
        [.. f.Lines.Where(l => l.Quantity > 0).Select(l => new Contract.FulfillmentLine(l.Sku, l.Quantity, new Money(l.AmountMinor(l.Quantity), f.Currency).ToDto()))];

    /// <summary>A store-bound key acts for the fulfillments its store picks or hands over.</summary>
    public static bool MayActFor(this ClaimsPrincipal user, Fulfillment f) =>
        user.MayActFor(f.LocationCode) || (f.HandoverLocationCode is { } handover && user.MayActFor(handover));
}
