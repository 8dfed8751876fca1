using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Omni.Common;
using Omni.Common.Data;
using Omni.Contracts.Customers;
using Omni.Customers.Data;
using Omni.Customers.Domain;

namespace Omni.Customers.Loyalty;

/// <summary>
/// The points balance lives on the customer row and changes only through conditional updates (like stock): a redemption
/// that would take the balance below zero updates nothing, so two checkouts can never spend the same points. Every
/// change also writes a ledger line, whose (kind, reference) is unique.
/// </summary>
internal sealed class LoyaltyPoints(CustomersDbContext db, DbSession session, IOptions<CustomerOptions> options, TimeProvider clock) : ILoyaltyPoints
{
    public async Task<long> BalanceAsync(Guid customerId, CancellationToken ct) =>
        (await CustomerDirectory.LiveAsync(db, customerId, ct))?.PointsBalance ?? 0;

    public async Task<RedemptionOutcome> RedeemAsync(Guid customerId, long points, string reference, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(points);
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        return session.Transaction is null
            ? await session.InTransactionAsync(() => RedeemInTransactionAsync(customerId, points, reference, ct), ct)
            : await RedeemInTransactionAsync(customerId, points, reference, ct);
    }

    private async Task<RedemptionOutcome> RedeemInTransactionAsync(Guid customerId, long points, string reference, CancellationToken ct)
    {
        var customer = await CustomerDirectory.LiveAsync(db, customerId, ct) ?? throw new ArgumentException($"Customer '{customerId}' does not exist.", nameof(customerId));
        if (await db.LoyaltyLedger.AnyAsync(e => e.Kind == LoyaltyKinds.Redeem && e.Reference == reference, ct))
            return new RedemptionOutcome(true, await BalanceAsync(customer.Id, ct));
        var taken = await db.Customers.Where(c => c.Id == customer.Id && c.PointsBalance >= points)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.PointsBalance, c => c.PointsBalance - points), ct);
        if (taken == 0) return new RedemptionOutcome(false, await BalanceAsync(customer.Id, ct));
        db.LoyaltyLedger.Add(new LoyaltyEntry
        {
            CustomerId = customer.Id, Points = -points, Kind = LoyaltyKinds.Redeem, Reference = reference, OccurredAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return new RedemptionOutcome(true, await BalanceAsync(customer.Id, ct));
    }

    public Money ValueOf(long points, string currency) => new(checked(points * options.Value.PointValueMinor), currency);

    /// <summary>
    /// A cancelled order: what it earned is taken back (the balance may go below zero when those points were already spent —
    /// the next purchases make up for it) and what it redeemed is given back; each once, by the ledger's unique (kind, reference).
    /// </summary>
    public async Task ReverseAsync(Guid orderId, DateTime at, CancellationToken ct)
    {
        var reference = orderId.ToString();
        var entries = await db.LoyaltyLedger.AsNoTracking().Where(e => e.Reference == reference).ToListAsync(ct);
        if (entries.FirstOrDefault(e => e.Kind == LoyaltyKinds.Earn) is { } earned && entries.All(e => e.Kind != LoyaltyKinds.EarnReversed))
        {
            await db.Customers.Where(c => c.Id == earned.CustomerId).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.PointsBalance, c => c.PointsBalance - earned.Points)
                .SetProperty(c => c.PointsEarned, c => c.PointsEarned - earned.Points), ct);
            db.LoyaltyLedger.Add(new LoyaltyEntry { CustomerId = earned.CustomerId, Points = -earned.Points, Kind = LoyaltyKinds.EarnReversed, Reference = reference, OccurredAt = at });
        }
        if (entries.FirstOrDefault(e => e.Kind == LoyaltyKinds.Redeem) is { } redeemed && entries.All(e => e.Kind != LoyaltyKinds.Release))
        {
            await db.Customers.Where(c => c.Id == redeemed.CustomerId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.PointsBalance, c => c.PointsBalance - redeemed.Points), ct);
            db.LoyaltyLedger.Add(new LoyaltyEntry { CustomerId = redeemed.CustomerId, Points = -redeemed.Points, Kind = LoyaltyKinds.Release, Reference = reference, OccurredAt = at });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Points for a purchase on any channel; the caller saves. Nothing for a zero total.</summary>
    public async Task EarnAsync(Guid customerId, Guid orderId, Money total, DateTime at, CancellationToken ct)
    {
        var points = (long)decimal.Floor(total.Major * options.Value.PointsPerCurrencyUnit);
        if (points <= 0) return;
        await db.Customers.Where(c => c.Id == customerId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.PointsBalance, c => c.PointsBalance + points)
            .SetProperty(c => c.PointsEarned, c => c.PointsEarned + points), ct);
        db.LoyaltyLedger.Add(new LoyaltyEntry { CustomerId = customerId, Points = points, Kind = LoyaltyKinds.Earn, Reference = orderId.ToString(), OccurredAt = at });
    }
}
