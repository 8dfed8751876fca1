using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;
using Omni.Payments.Domain;

namespace Omni.Payments.Data;

/// <summary>
/// Balance changes of store credit: a debit is one conditional UPDATE (<c>balance &gt;= amount</c>), so two orders
/// spending the same credit at once cannot both succeed. Each change writes an entry with the balance after it,
/// read back while this transaction still holds the row.
/// </summary>
internal static class StoreCreditSql
{
    /// <summary>Null when the credit is unknown, in another currency, or short.</summary>
    public static async Task<StoreCreditEntry?> TryDebitAsync(PaymentsDbContext db, Guid creditId, string currency, long amount, Guid orderId, DateTime at, CancellationToken ct)
    {
        var updated = await db.StoreCredits.Where(c => c.Id == creditId && c.Currency == currency && c.Balance >= amount)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Balance, c => c.Balance - amount).SetProperty(c => c.UpdatedAt, at), ct);
        return updated == 1 ? await EntryAsync(db, creditId, StoreCreditEntryKind.Redeemed, -amount, orderId, at, ct) : null;
    }

    public static async Task<StoreCreditEntry> CreditAsync(PaymentsDbContext db, Guid creditId, StoreCreditEntryKind kind, long amount, Guid orderId, DateTime at, CancellationToken ct)
    {
        await db.StoreCredits.Where(c => c.Id == creditId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Balance, c => c.Balance + amount).SetProperty(c => c.UpdatedAt, at), ct);
        return await EntryAsync(db, creditId, kind, amount, orderId, at, ct);
    }

    /// <summary>The customer's balance in that currency, opened when missing; an anonymous refund opens a balance of its own.</summary>
    public static async Task<Guid> OpenAsync(PaymentsDbContext db, string? customerEmail, string currency, DateTime at, CancellationToken ct)
    {
        if (customerEmail is not null
            && await db.StoreCredits.Where(c => c.CustomerEmail == customerEmail && c.Currency == currency).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct) is { } existing)
            return existing;
        var credit = new StoreCredit { CustomerEmail = customerEmail, Currency = currency, CreatedAt = at, UpdatedAt = at };
        db.StoreCredits.Add(credit);
        try
        {
            await db.SaveChangesAsync(ct);
            return credit.Id;
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Another order of the same customer opened the balance first (EF rolled this insert back to its savepoint).
            db.Entry(credit).State = EntityState.Detached;
            return await db.StoreCredits.Where(c => c.CustomerEmail == customerEmail && c.Currency == currency).Select(c => c.Id).SingleAsync(ct);
        }
    }

    private static async Task<StoreCreditEntry> EntryAsync(PaymentsDbContext db, Guid creditId, StoreCreditEntryKind kind, long delta, Guid orderId, DateTime at, CancellationToken ct)
    {
        var balance = await db.StoreCredits.Where(c => c.Id == creditId).Select(c => c.Balance).SingleAsync(ct);
        var entry = new StoreCreditEntry { StoreCreditId = creditId, Kind = kind, Delta = delta, BalanceAfter = balance, OrderId = orderId, CreatedAt = at };
        db.StoreCreditEntries.Add(entry);
        return entry;
    }
}
