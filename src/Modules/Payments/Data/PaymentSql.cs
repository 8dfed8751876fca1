using Microsoft.EntityFrameworkCore;
using Omni.Payments.Domain;

namespace Omni.Payments.Data;

/// <summary>
/// The only writes of a payment's totals: each one conditional UPDATE whose WHERE is the rule of
/// <see cref="PaymentRules"/>. The database evaluates it against the row as it is when the row lock is granted
/// (PostgreSQL re-checks it after a concurrent writer commits; SQLite has one writer), so parallel captures, voids and
/// refunds can never together exceed what was authorized or captured. Zero rows updated means refused.
/// </summary>
internal static class PaymentSql
{
    public static async Task<bool> TryMoveAsync(PaymentsDbContext db, Guid paymentId, TransactionKind kind, long amount, DateTime at, CancellationToken ct)
    {
        var payments = db.Payments.Where(p => p.Id == paymentId);
        var updated = kind switch
        {
            TransactionKind.Capture => await payments.Where(p => p.Captured + p.Voided + amount <= p.Authorized)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Captured, p => p.Captured + amount).SetProperty(p => p.UpdatedAt, at), ct),
            TransactionKind.Void => await payments.Where(p => p.Captured + p.Voided + amount <= p.Authorized)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Voided, p => p.Voided + amount).SetProperty(p => p.UpdatedAt, at), ct),
            TransactionKind.Refund => await payments.Where(p => p.Refunded + amount <= p.Captured)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Refunded, p => p.Refunded + amount).SetProperty(p => p.UpdatedAt, at), ct),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "An authorization creates the payment; it does not move it."),
        };
        return updated == 1;
    }

    /// <summary>Takes back a move of this transaction (the provider refused it, or the same key won meanwhile); the row is still locked by it.</summary>
    public static Task UndoAsync(PaymentsDbContext db, Guid paymentId, TransactionKind kind, long amount, DateTime at, CancellationToken ct)
    {
        var payments = db.Payments.Where(p => p.Id == paymentId);
        return kind switch
        {
            TransactionKind.Capture => payments.ExecuteUpdateAsync(s => s.SetProperty(p => p.Captured, p => p.Captured - amount).SetProperty(p => p.UpdatedAt, at), ct),
            TransactionKind.Void => payments.ExecuteUpdateAsync(s => s.SetProperty(p => p.Voided, p => p.Voided - amount).SetProperty(p => p.UpdatedAt, at), ct),
            TransactionKind.Refund => payments.ExecuteUpdateAsync(s => s.SetProperty(p => p.Refunded, p => p.Refunded - amount).SetProperty(p => p.UpdatedAt, at), ct),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }
}
