using Omni.Common.Errors;
using Omni.Contracts.Payments;
using Omni.Contracts.Returns;
using Omni.Returns.Data;
using Omni.Returns.Domain;

namespace Omni.Returns.Features;

/// <summary>
/// Pays a return's refund through the Payments module, inside the return's transaction: a declined refund undoes the
/// whole return (the associate may offer store credit instead). When Omni holds no payment of the order (no payment
/// module, or an order paid outside Omni such as by invoice) the refund stays owed: recorded, pending, settled elsewhere.
/// </summary>
internal static class ReturnRefund
{
    public static async Task PayAsync(Return @return, ReturnsDbContext db, IPayments? payments, DateTime now, CancellationToken ct)
    {
        // An even exchange owes nothing: settled as it is received.
        if (@return.RefundMinor == 0) { @return.MarkRefunded(null, now); return; }
        if (payments is null || await payments.PositionAsync(@return.OrderId, ct) is null) return;

        var outcome = await payments.RefundAsync(@return.OrderId, @return.Refund, @return.RefundTo,
            $"Return {@return.Id} of order {@return.OrderNumber} at {@return.LocationCode}", $"return:{@return.Id}", ct);
        if (!outcome.Succeeded)
            throw new DomainException("refund_declined", outcome.Message ?? "The payment provider declined the refund.",
                extensions: new Dictionary<string, object?> { ["paymentCode"] = outcome.Code });
        @return.MarkRefunded(outcome.Reference, now);
        db.Publish(new ReturnRefunded(@return.Id, @return.OrderId, @return.Refund.ToDto(),
            @return.RefundTo == RefundDestination.StoreCredit ? "storeCredit" : "originalTender", outcome.Reference), now);
    }
}
