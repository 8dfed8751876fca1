using Microsoft.EntityFrameworkCore;
using Omni.Common;
using Omni.Contracts.Audit;
using Omni.Pricing.Data;

namespace Omni.Pricing;

/// <summary>
/// Price exceptions and coupons as they were created, for the console's audit log. Pricing does not record who created them
/// (its rows have no actor column yet), so the actor reads <see cref="NotRecorded"/> and an actor filter finds none of them.
/// </summary>
internal sealed class PricingAudit(PricingDbContext db) : IAuditSource
{
    public const string NotRecorded = "(not recorded)";
    public const string ExceptionCreated = "pricing.price_exception_created";
    public const string CouponCreated = "pricing.coupon_created";

    public IReadOnlyList<string> Kinds { get; } = [ExceptionCreated, CouponCreated];

    public async Task<IReadOnlyList<AuditRecord>> NewestAsync(AuditQuery query, CancellationToken ct)
    {
        if (query.Actor is not null || (query.Kind is { } kind && !Kinds.Contains(kind))) return [];
        var records = new List<AuditRecord>();
        if (query.Kind is null or ExceptionCreated)
        {
            var exceptions = db.PriceExceptions.AsNoTracking();
            if (query.From is { } from) exceptions = exceptions.Where(e => e.CreatedAt >= from);
            if (query.To is { } to) exceptions = exceptions.Where(e => e.CreatedAt < to);
            records.AddRange((await exceptions.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).Take(query.Take).ToListAsync(ct))
                .Select(e => new AuditRecord(e.CreatedAt, NotRecorded, ExceptionCreated, e.Sku,
                    $"{new Money(e.PriceMinor, e.Currency).Major} {e.Currency} for {e.Channel?.ToString().ToLowerInvariant() ?? "every channel"} at {e.LocationCode ?? "every store"}: {e.Reason}")));
        }
        if (query.Kind is null or CouponCreated)
        {
            var coupons = db.Coupons.AsNoTracking();
            if (query.From is { } from) coupons = coupons.Where(c => c.CreatedAt >= from);
            if (query.To is { } to) coupons = coupons.Where(c => c.CreatedAt < to);
            records.AddRange((await coupons.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(query.Take).ToListAsync(ct))
                .Select(c => new AuditRecord(c.CreatedAt, NotRecorded, CouponCreated, c.Name, $"{c.Kind.ToString().ToLowerInvariant()} coupon")));
        }
        // Stable: ties keep the order each query gave them.
        return [.. records.OrderByDescending(r => r.At).Take(query.Take)];
    }
}
