using Omni.Common;
using Omni.Common.Events;

namespace Omni.Contracts.Returns;

/// <summary>Units of one order line that came back.</summary>
/// <param name="Sku">SKU.</param>
/// <param name="Quantity">Units.</param>
/// <param name="Condition">sellable, opened or damaged.</param>
/// <param name="Disposition">restock (back on hand for sale) or unsellable (kept apart, not for sale).</param>
/// <param name="Refund">What these units refund.</param>
public sealed record ReturnLineSummary(string Sku, int Quantity, string Condition, string Disposition, MoneyDto Refund);

/// <summary>Goods of an order came back at a location; their stock is already on hand there (or unsellable).</summary>
/// <param name="ReturnId">The return.</param>
/// <param name="OrderId">The order the goods were bought with.</param>
/// <param name="OrderNumber">Its human-facing number.</param>
/// <param name="LocationCode">Where they came back.</param>
/// <param name="Lines">What came back.</param>
/// <param name="Refund">The amount owed back to the customer.</param>
/// <param name="RefundTo">originalTender or storeCredit.</param>
/// <param name="ExchangeOrderId">The order placed in exchange, when there is one.</param>
/// <param name="ReturnRequestId">The return request started online that this return received, when there is one.</param>
public sealed record ReturnReceived(Guid ReturnId, Guid OrderId, string OrderNumber, string LocationCode, IReadOnlyList<ReturnLineSummary> Lines,
    MoneyDto Refund, string RefundTo, Guid? ExchangeOrderId, Guid? ReturnRequestId = null) : IEvent
{
    /// <inheritdoc />
    public static string EventType => "return.received";
}

/// <summary>The payment provider (or store credit) paid a return's refund.</summary>
/// <param name="ReturnId">The return.</param>
/// <param name="OrderId">The order.</param>
/// <param name="Amount">What was refunded.</param>
/// <param name="RefundTo">originalTender or storeCredit.</param>
/// <param name="Reference">The provider's or store credit's reference.</param>
public sealed record ReturnRefunded(Guid ReturnId, Guid OrderId, MoneyDto Amount, string RefundTo, string? Reference) : IEvent
{
    /// <inheritdoc />
    public static string EventType => "return.refunded";
}

/// <summary>Units of one order line the customer said they will bring back.</summary>
/// <param name="Sku">SKU.</param>
/// <param name="Quantity">Units.</param>
public sealed record ReturnRequestLineSummary(string Sku, int Quantity);

/// <summary>A customer started a return online and chose the store they will bring it to; that store now expects it.</summary>
/// <param name="ReturnRequestId">The return request.</param>
/// <param name="Code">The code the customer shows at the store.</param>
/// <param name="OrderId">The order the goods were bought with.</param>
/// <param name="OrderNumber">Its human-facing number.</param>
/// <param name="LocationCode">The chosen store.</param>
/// <param name="Lines">What the customer will bring.</param>
/// <param name="ExpiresAt">When the request lapses: the earliest close of its lines' return windows.</param>
/// <param name="CustomerEmail">The order's e-mail, to confirm the request to.</param>
public sealed record ReturnRequested(Guid ReturnRequestId, string Code, Guid OrderId, string OrderNumber, string LocationCode,
    IReadOnlyList<ReturnRequestLineSummary> Lines, DateTime ExpiresAt, string? CustomerEmail) : IEvent
{
    /// <inheritdoc />
    public static string EventType => "return.requested";
}

/// <summary>A return request was called off before the goods came in; its store no longer expects them.</summary>
/// <param name="ReturnRequestId">The return request.</param>
/// <param name="OrderId">The order.</param>
/// <param name="LocationCode">The store that expected the goods.</param>
public sealed record ReturnRequestCancelled(Guid ReturnRequestId, Guid OrderId, string LocationCode) : IEvent
{
    /// <inheritdoc />
    public static string EventType => "return.request_cancelled";
}
