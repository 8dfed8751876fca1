using Microsoft.EntityFrameworkCore;
using Omni.Common.Errors;
using Omni.Customers.Data;
using Omni.Customers.Domain;

namespace Omni.Customers.Features;

public sealed record LoyaltyLedgerLine(long Points, string Kind, string Reference, DateTime OccurredAt);

public sealed record LoyaltyDetails(Guid CustomerId, LoyaltySummary Summary, IReadOnlyList<LoyaltyLedgerLine> Ledger);

/// <summary>Balance, tier (by points ever earned) and the points ledger, newest first.</summary>
internal static class GetLoyalty
{
    public const int LedgerLimit = 200;

    public static RouteHandlerBuilder Map(RouteGroupBuilder customers) =>
        customers.MapGet("/{id:guid}/loyalty", Handle).WithName(nameof(GetLoyalty));

    internal static async Task<IResult> Handle(Guid id, CustomersDbContext db, CancellationToken ct)
    {
        var customer = await CustomerDirectory.LiveAsync(db, id, ct);
        if (customer is null) return Problems.NotFound("Customer", id.ToString());
        var ledger = await db.LoyaltyLedger.AsNoTracking().Where(e => e.CustomerId == customer.Id)
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Take(LedgerLimit).ToListAsync(ct);
        return TypedResults.Ok(new LoyaltyDetails(customer.Id, await SummaryAsync(db, customer, ct),
            ledger.Select(e => new LoyaltyLedgerLine(e.Points, e.Kind, e.Reference, e.OccurredAt)).ToList()));
    }

    public static async Task<LoyaltySummary> SummaryAsync(CustomersDbContext db, Customer customer, CancellationToken ct)
    {
        var tiers = await db.LoyaltyTiers.AsNoTracking().ToListAsync(ct);
        var (current, next) = LoyaltyTier.For(tiers, customer.PointsEarned);
        return new LoyaltySummary(customer.PointsBalance, customer.PointsEarned,
            current is null ? null : new TierView(current.Name, current.MinPoints),
            next is null ? null : new TierView(next.Name, next.MinPoints),
            next is null ? null : next.MinPoints - customer.PointsEarned);
    }
}
