using Omni.Common;
using Omni.Common.Errors;
using Omni.Contracts.Payments;

namespace Omni.Returns.Domain;

internal enum ReturnStatus
{
    /// <summary>The goods are in; the refund is owed (no payment provider has paid it yet).</summary>
    Received,
    /// <summary>The refund was paid to the original tender or as store credit.</summary>
    Refunded,
}

/// <summary>
/// Goods of one order brought back at one location. The stock moves and the refund is computed when it is received;
/// lines copy what they refund, so later policy or price changes never rewrite a return.
/// </summary>
internal sealed class Return
{
    private static readonly Dictionary<ReturnStatus, ReturnStatus[]> Transitions = new()
    {
        [ReturnStatus.Received] = [ReturnStatus.Refunded],
        [ReturnStatus.Refunded] = [],
    };

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrderId { get; init; }
    public required string OrderNumber { get; init; }
    public required string LocationCode { get; init; }
    public ReturnStatus Status { get; private set; }
    public required string Currency { get; init; }
    /// <summary>What the returned goods are worth: the sum of the lines' refunds.</summary>
    public long ReturnedValueMinor { get; private set; }
    public RefundDestination RefundTo { get; init; }
    /// <summary>What is paid back: the returned value less what an exchange order took of it.</summary>
    public long RefundMinor { get; private set; }
    public string? RefundReference { get; private set; }
    public DateTime? RefundedAt { get; private set; }
    public Guid? ExchangeOrderId { get; private set; }
    public string? ExchangeOrderNumber { get; private set; }
    public long ExchangeTotalMinor { get; private set; }
    public DateTime ReceivedAt { get; init; }
    public string ReceivedBy { get; init; } = "";
    public List<ReturnLine> Lines { get; init; } = [];

    public Money ReturnedValue => new(ReturnedValueMinor, Currency);
    public Money Refund => new(RefundMinor, Currency);
    /// <summary>What the customer still owes when the exchange order costs more than the returned goods.</summary>
    public Money BalanceDue => new(Math.Max(0, ExchangeTotalMinor - ReturnedValueMinor), Currency);

    public static bool CanMove(ReturnStatus from, ReturnStatus to) => Transitions[from].Contains(to);

    public ReturnLine AddLine(Guid orderLineId, string sku, int quantity, ReturnCondition condition, Disposition disposition, string? reason, Money refund)
    {
        var line = new ReturnLine
        {
            ReturnId = Id, LineNumber = Lines.Count + 1, OrderLineId = orderLineId, Sku = sku, Quantity = quantity,
            Condition = condition, Disposition = disposition, Reason = reason, RefundMinor = refund.Minor,
        };
        Lines.Add(line);
        ReturnedValueMinor = checked(ReturnedValueMinor + refund.Minor);
        RefundMinor = Math.Max(0, ReturnedValueMinor - ExchangeTotalMinor);
        return line;
    }

    /// <summary>An even exchange: the new order is settled against the returned goods, and only the difference is refunded.</summary>
    public void SettleExchange(Guid orderId, string number, Money total)
    {
        if (total.Currency != Currency)
            throw new DomainException("mixed_currency", $"The exchange order is priced in {total.Currency}, the returned goods in {Currency}.");
        ExchangeOrderId = orderId;
        ExchangeOrderNumber = number;
        ExchangeTotalMinor = total.Minor;
        RefundMinor = Math.Max(0, ReturnedValueMinor - ExchangeTotalMinor);
    }

    public void MarkRefunded(string? reference, DateTime at)
    {
        if (!CanMove(Status, ReturnStatus.Refunded))
            throw new DomainException("invalid_transition", $"Return {Id} is {Status.ToString().ToLowerInvariant()} and cannot be refunded again.");
        Status = ReturnStatus.Refunded;
        RefundReference = reference;
        RefundedAt = at;
    }
}

internal sealed class ReturnLine
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ReturnId { get; init; }
    public int LineNumber { get; init; }
    public Guid OrderLineId { get; init; }
    public required string Sku { get; init; }
    public int Quantity { get; init; }
    public ReturnCondition Condition { get; init; }
    public Disposition Disposition { get; init; }
    public string? Reason { get; init; }
    public long RefundMinor { get; init; }
}

/// <summary>How many units of an order line have come back, over all returns: the guard against returning more than was bought.</summary>
internal sealed class ReturnedQuantity
{
    public Guid OrderLineId { get; init; }
    public Guid OrderId { get; init; }
    public int Returned { get; init; }
}

/// <summary>The stored policy: one row, created with the default policy by the first migration and replaced as a whole.</summary>
internal sealed class PolicyRecord
{
    public const int SingletonId = 1;

    public int Id { get; init; } = SingletonId;
    public required string Document { get; set; }
    public DateTime? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

/// <summary>Refunds are pro-rated from what the customer paid for the line, so the returns of a line add up to it exactly.</summary>
internal static class Refunds
{
    /// <summary>
    /// The refund for <paramref name="quantity"/> units of a line of <paramref name="bought"/> units that cost
    /// <paramref name="paid"/> in all, when <paramref name="returnedBefore"/> units came back earlier. It is the
    /// difference of the cumulative shares (rounded half up), so a discount's odd cent is never refunded twice nor lost.
    /// </summary>
    public static Money For(Money paid, int bought, int returnedBefore, int quantity)
    {
        if (bought <= 0 || quantity <= 0 || returnedBefore < 0 || returnedBefore + quantity > bought)
            throw new ArgumentOutOfRangeException(nameof(quantity), $"Cannot refund {quantity} more of {bought} units when {returnedBefore} came back.");
        return paid with { Minor = Share(paid.Minor, bought, returnedBefore + quantity) - Share(paid.Minor, bought, returnedBefore) };
    }

    private static long Share(long paid, int bought, int units) => (paid * units * 2 + bought) / (2L * bought);
}
