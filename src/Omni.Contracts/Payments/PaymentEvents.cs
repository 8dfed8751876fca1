using Omni.Common;
using Omni.Common.Events;

namespace Omni.Contracts.Payments;

/// <summary>An order's payment was authorized (or, at a till, taken): the money is promised but not yet collected.</summary>
/// <param name="PaymentId">Payment.</param>
/// <param name="OrderId">Order.</param>
/// <param name="Amount">Authorized.</param>
/// <param name="TenderType">card, wallet, store_credit, cash.</param>
/// <param name="Provider">Who authorized it: <c>simulated</c>, <c>store_credit</c> or <c>till</c>.</param>
/// <param name="Reference">The provider's reference.</param>
public sealed record PaymentAuthorized(Guid PaymentId, Guid OrderId, MoneyDto Amount, string TenderType, string Provider, string? Reference) : IEvent
{
    /// <inheritdoc />
    public static string EventType => "payment.authorized";
}

/// <summary>Money was collected against an authorization (a fulfillment shipped or was handed over, or a till sale).</summary>
/// <param name="PaymentId">Payment.</param>
/// <param name="OrderId">Order.</param>
/// <param name="Amount">Captured now.</param>
/// <param name="TotalCaptured">Captured in total so far.</param>
/// <param name="FulfillmentId">The fulfillment that caused it, if any.</param>
public sealed record PaymentCaptured(Guid PaymentId, Guid OrderId, MoneyDto Amount, MoneyDto TotalCaptured, Guid? FulfillmentId) : IEvent
{
    /// <inheritdoc />
    public static string EventType => "payment.captured";
}

/// <summary>Part or all of an authorization was released without collecting it (cancelled order or lines, expired pickup).</summary>
/// <param name="PaymentId">Payment.</param>
/// <param name="OrderId">Order.</param>
/// <param name="Amount">Released now.</param>
/// <param name="Reason">Why.</param>
public sealed record PaymentVoided(Guid PaymentId, Guid OrderId, MoneyDto Amount, string Reason) : IEvent
{
    /// <inheritdoc />
    public static string EventType => "payment.voided";
}

/// <summary>Collected money was given back, to the original tender or as store credit.</summary>
/// <param name="PaymentId">Payment.</param>
/// <param name="OrderId">Order.</param>
/// <param name="Amount">Refunded now.</param>
/// <param name="TotalRefunded">Refunded in total so far.</param>
/// <param name="Destination"><c>originalTender</c> or <c>storeCredit</c>.</param>
/// <param name="StoreCreditId">The store credit that received it, when it went to store credit.</param>
/// <param name="CustomerEmail">The customer of the order, when known.</param>
/// <param name="Reason">Why.</param>
public sealed record PaymentRefunded(Guid PaymentId, Guid OrderId, MoneyDto Amount, MoneyDto TotalRefunded, string Destination,
    Guid? StoreCreditId, string? CustomerEmail, string Reason) : IEvent
{
    /// <inheritdoc />
    public static string EventType => "payment.refunded";
}
