using Microsoft.EntityFrameworkCore;
using Omni.Common;
using Omni.Common.Data;
using Omni.Common.Errors;
using Omni.Contracts.Payments;
using Omni.Payments.Data;
using Omni.Payments.Domain;
using Omni.Payments.Providers;

namespace Omni.Payments;

/// <summary>One movement asked of a payment: captured, voided or refunded money, keyed so a retry is a no-op.</summary>
internal sealed record Movement(TransactionKind Kind, long Amount, string Key, string Reason,
    RefundDestination? Destination = null, Guid? FulfillmentId = null);

/// <summary>
/// The payments of orders and their ledger. Runs on the caller's transaction when there is one (an order that rolls
/// back leaves no payment), else in its own. Every movement is: the conditional update of the payment's totals (the
/// rule and the lock), the idempotency check, the money (provider, store credit or till), the ledger row and the event.
/// </summary>
internal sealed class PaymentLedger(PaymentsDbContext db, DbSession session, IPaymentProvider provider, TimeProvider clock) : IPayments
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<PaymentOutcome> AuthorizeAsync(Guid orderId, Money amount, PaymentTender tender, string? customerEmail, CancellationToken ct) =>
        AtomicallyAsync(async () =>
        {
            if (await FindAsync(orderId, ct) is { } existing) return Approved(existing.AuthorizationReference);
            var key = AuthorizeKey(orderId);
            var now = Now;
            string by, reference;
            Guid? creditId = null;
            switch (tender.Type)
            {
                case Tenders.Card or Tenders.Wallet:
                    var answer = await provider.AuthorizeAsync(amount, tender.Token ?? "", key, ct);
                    if (!answer.Approved) return Declined(answer.DeclineCode!, answer.Message!);
                    (by, reference) = (provider.Name, answer.Reference!);
                    break;
                case Tenders.StoreCredit:
                    if (!Guid.TryParse(tender.Token, out var id) || await StoreCreditSql.TryDebitAsync(db, id, amount.Currency, amount.Minor, orderId, now, ct) is null)
                        return Declined("insufficient_store_credit", "The store credit does not exist, is in another currency, or its balance is too low.");
                    (by, reference, creditId) = (Tenders.StoreCredit, id.ToString(), id);
                    break;
                default:
                    return Declined("unsupported_tender", $"'{tender.Type}' cannot be authorized; use {string.Join(", ", PaymentTender.ForOrders)}.");
            }
            var payment = Open(orderId, amount, tender.Type, by, reference, creditId, customerEmail, captured: false, now);
            await db.SaveChangesAsync(ct);
            return Approved(payment.AuthorizationReference);
        }, ct);

    public Task RecordTillPaymentAsync(Guid orderId, Money amount, PaymentTender tender, string? customerEmail, CancellationToken ct) =>
        AtomicallyAsync(async () =>
        {
            if (await FindAsync(orderId, ct) is not null) return true;
            var now = Now;
            Guid? creditId = null;
            if (tender.Type == Tenders.StoreCredit)
            {
                // Store credit is Omni's own money: unlike the rest of a till sale, it can be refused.
                if (!Guid.TryParse(tender.Token, out var id) || await StoreCreditSql.TryDebitAsync(db, id, amount.Currency, amount.Minor, orderId, now, ct) is null)
                    throw new DomainException("insufficient_store_credit", "The store credit does not exist, is in another currency, or its balance is too low.");
                creditId = id;
            }
            Open(orderId, amount, tender.Type, creditId is null ? Tenders.Till : Tenders.StoreCredit, creditId?.ToString(), creditId, customerEmail, captured: true, now);
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);

    public async Task<PaymentOutcome> RefundAsync(Guid orderId, Money amount, RefundDestination destination, string reason, string idempotencyKey, CancellationToken ct)
    {
        var payment = await FindAsync(orderId, ct);
        if (payment is null) return Refused("no_payment", "The order has no payment.");
        if (payment.Currency != amount.Currency) return Refused("currency_mismatch", $"The order was paid in {payment.Currency}.");
        return await MoveAsync(payment, new Movement(TransactionKind.Refund, amount.Minor, idempotencyKey, reason, destination), ct);
    }

    public async Task<PaymentPosition?> PositionAsync(Guid orderId, CancellationToken ct) => (await FindAsync(orderId, ct))?.ToPosition();

    /// <summary>Captures what a fulfillment is worth, up to what is still open; nothing when the order has no payment.</summary>
    public async Task<PaymentOutcome?> CaptureAsync(Guid orderId, Guid fulfillmentId, Money owed, CancellationToken ct)
    {
        if (await PayableAsync(orderId, owed, ct) is not { } payment) return null;
        var amount = PaymentRules.CaptureFor(payment.Amounts, owed.Minor);
        return amount == 0 ? null
            : await MoveAsync(payment, new Movement(TransactionKind.Capture, amount, $"capture:{fulfillmentId}", "fulfilled", FulfillmentId: fulfillmentId), ct);
    }

    /// <summary>Voids what is still open (a cancelled order).</summary>
    public async Task<PaymentOutcome?> VoidRemainderAsync(Guid orderId, string reason, string key, CancellationToken ct)
    {
        if (await FindAsync(orderId, ct) is not { Amounts.Open: > 0 } payment) return null;
        return await MoveAsync(payment, new Movement(TransactionKind.Void, payment.Amounts.Open, key, reason), ct);
    }

    /// <summary>Money no longer owed: voided while it is open, refunded to the original tender once captured.</summary>
    public async Task ReleaseAsync(Guid orderId, Money owed, string reason, string key, Guid? fulfillmentId, CancellationToken ct)
    {
        if (await PayableAsync(orderId, owed, ct) is not { } payment) return;
        var release = PaymentRules.ReleaseFor(payment.Amounts, owed.Minor);
        if (release.Void > 0)
            await MoveAsync(payment, new Movement(TransactionKind.Void, release.Void, $"{key}:void", reason, FulfillmentId: fulfillmentId), ct);
        if (release.Refund > 0)
            await MoveAsync(payment, new Movement(TransactionKind.Refund, release.Refund, $"{key}:refund", reason, RefundDestination.OriginalTender, fulfillmentId), ct);
    }

    public Task<Payment?> FindAsync(Guid orderId, CancellationToken ct) => db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.OrderId == orderId, ct);

    private async Task<Payment?> PayableAsync(Guid orderId, Money owed, CancellationToken ct)
    {
        var payment = await FindAsync(orderId, ct);
        if (payment is not null && payment.Currency != owed.Currency)
            throw new InvalidOperationException($"Order {orderId} was paid in {payment.Currency}, not {owed.Currency}.");
        return payment;
    }

    private Task<PaymentOutcome> MoveAsync(Payment payment, Movement movement, CancellationToken ct) =>
        AtomicallyAsync(async () =>
        {
            if (await ReplayAsync(payment.OrderId, movement, ct) is { } replay) return replay;
            var refusal = movement.Kind == TransactionKind.Refund
                ? PaymentRules.CheckRefund(payment.Amounts, movement.Amount)
                : PaymentRules.CheckCapture(payment.Amounts, movement.Amount);
            var now = Now;
            if (refusal is not null || !await PaymentSql.TryMoveAsync(db, payment.Id, movement.Kind, movement.Amount, now, ct))
                return Refused(refusal ?? Exceeds(movement.Kind), "The payment cannot move that much.");

            // The conditional update holds the payment's row until commit, so a request with the same key that
            // committed while this one waited for it is visible now: take the move back and answer as that one did.
            if (await ReplayAsync(payment.OrderId, movement, ct) is { } late)
            {
                await PaymentSql.UndoAsync(db, payment.Id, movement.Kind, movement.Amount, now, ct);
                return late;
            }

            var (reference, creditId, failure) = await MoveMoneyAsync(payment, movement, now, ct);
            if (failure is not null)
            {
                await PaymentSql.UndoAsync(db, payment.Id, movement.Kind, movement.Amount, now, ct);
                return failure;
            }
            db.Transactions.Add(new PaymentTransaction
            {
                PaymentId = payment.Id, OrderId = payment.OrderId, Kind = movement.Kind, Amount = movement.Amount, Currency = payment.Currency,
                Destination = movement.Destination, Reference = reference, IdempotencyKey = movement.Key, Reason = movement.Reason,
                FulfillmentId = movement.FulfillmentId, CreatedAt = now,
            });
            var after = await db.Payments.AsNoTracking().Where(p => p.Id == payment.Id).SingleAsync(ct);
            var amount = payment.Money(movement.Amount).ToDto();
            switch (movement.Kind)
            {
                case TransactionKind.Capture:
                    db.Publish(new PaymentCaptured(payment.Id, payment.OrderId, amount, after.Money(after.Captured).ToDto(), movement.FulfillmentId), now);
                    break;
                case TransactionKind.Void:
                    db.Publish(new PaymentVoided(payment.Id, payment.OrderId, amount, movement.Reason), now);
                    break;
                default:
                    db.Publish(new PaymentRefunded(payment.Id, payment.OrderId, amount, after.Money(after.Refunded).ToDto(),
                        movement.Destination == RefundDestination.StoreCredit ? "storeCredit" : "originalTender", creditId, payment.CustomerEmail, movement.Reason), now);
                    break;
            }
            await db.SaveChangesAsync(ct);
            return Approved(reference);
        }, ct);

    /// <summary>Moves the money itself: at the provider, on store credit, or nowhere (a till gives cash back itself).</summary>
    private async Task<(string? Reference, Guid? CreditId, PaymentOutcome? Failure)> MoveMoneyAsync(Payment payment, Movement movement, DateTime now, CancellationToken ct)
    {
        var money = payment.Money(movement.Amount);
        if (movement is { Kind: TransactionKind.Refund, Destination: RefundDestination.StoreCredit })
        {
            var credit = await StoreCreditSql.OpenAsync(db, payment.CustomerEmail, payment.Currency, now, ct);
            await StoreCreditSql.CreditAsync(db, credit, StoreCreditEntryKind.Issued, movement.Amount, payment.OrderId, now, ct);
            return (credit.ToString(), credit, null);
        }
        if (payment.Provider == Tenders.StoreCredit)
        {
            // The credit was taken at authorization; a capture keeps it, a void or a refund gives it back.
            var credit = payment.StoreCreditId!.Value;
            if (movement.Kind != TransactionKind.Capture)
                await StoreCreditSql.CreditAsync(db, credit, StoreCreditEntryKind.Restored, movement.Amount, payment.OrderId, now, ct);
            return (credit.ToString(), credit, null);
        }
        if (payment.Provider == Tenders.Till) return (Tenders.Till, null, null);

        var answer = movement.Kind switch
        {
            TransactionKind.Capture => await provider.CaptureAsync(payment.AuthorizationReference!, money, movement.Key, ct),
            TransactionKind.Void => await provider.VoidAsync(payment.AuthorizationReference!, money, movement.Key, ct),
            _ => await provider.RefundAsync(payment.AuthorizationReference!, money, movement.Key, ct),
        };
        return answer.Approved ? (answer.Reference, null, null)
            : (null, null, new PaymentOutcome(false, "provider_declined", answer.Message, null, answer.DeclineCode));
    }

    private Payment Open(Guid orderId, Money amount, string tenderType, string by, string? reference, Guid? creditId, string? customerEmail, bool captured, DateTime now)
    {
        var payment = new Payment
        {
            OrderId = orderId, Currency = amount.Currency, TenderType = tenderType, Provider = by, AuthorizationReference = reference,
            StoreCreditId = creditId, CustomerEmail = customerEmail, Authorized = amount.Minor, Captured = captured ? amount.Minor : 0,
            CreatedAt = now, UpdatedAt = now,
        };
        db.Payments.Add(payment);
        Record(payment, TransactionKind.Authorize, amount.Minor, AuthorizeKey(orderId), reference, now);
        db.Publish(new PaymentAuthorized(payment.Id, orderId, amount.ToDto(), tenderType, by, reference), now);
        if (captured)
        {
            Record(payment, TransactionKind.Capture, amount.Minor, $"capture:till:{orderId}", reference, now);
            db.Publish(new PaymentCaptured(payment.Id, orderId, amount.ToDto(), amount.ToDto(), null), now);
        }
        return payment;
    }

    private void Record(Payment payment, TransactionKind kind, long amount, string key, string? reference, DateTime now) =>
        db.Transactions.Add(new PaymentTransaction
        {
            PaymentId = payment.Id, OrderId = payment.OrderId, Kind = kind, Amount = amount, Currency = payment.Currency,
            Reference = reference, IdempotencyKey = key, Reason = kind == TransactionKind.Capture ? "till" : null, CreatedAt = now,
        });

    /// <summary>The first answer to this key, or a refusal when the key was used for another movement; null when the key is new.</summary>
    private async Task<PaymentOutcome?> ReplayAsync(Guid orderId, Movement movement, CancellationToken ct)
    {
        var seen = await db.Transactions.AsNoTracking().FirstOrDefaultAsync(t => t.IdempotencyKey == movement.Key, ct);
        if (seen is null) return null;
        return seen.OrderId == orderId && seen.Kind == movement.Kind && seen.Amount == movement.Amount && seen.Destination == movement.Destination
            ? Approved(seen.Reference)
            : Refused("idempotency_key_reused", "This idempotency key was already used for another payment movement.");
    }

    private async Task<T> AtomicallyAsync<T>(Func<Task<T>> work, CancellationToken ct) =>
        session.Transaction is null ? await session.InTransactionAsync(work, ct) : await work();

    private static string AuthorizeKey(Guid orderId) => $"authorize:{orderId}";

    private static string Exceeds(TransactionKind kind) =>
        kind == TransactionKind.Refund ? PaymentRules.RefundExceedsCaptured : PaymentRules.CaptureExceedsAuthorized;

    private static PaymentOutcome Approved(string? reference) => new(true, null, null, reference);

    private static PaymentOutcome Declined(string declineCode, string message) => new(false, "payment_declined", message, null, declineCode);

    private static PaymentOutcome Refused(string code, string message) => new(false, code, message, null);
}
