using Microsoft.EntityFrameworkCore;
using Omni.Contracts.Audit;
using Omni.Orders.Data;

namespace Omni.Orders;

/// <summary>Who saved which version of the sourcing rules, for the console's audit log: rule sets are never updated, so each row is one edit.</summary>
internal sealed class SourcingAudit(OrdersDbContext db) : IAuditSource
{
    public const string RulesSaved = "sourcing.rules_saved";

    public IReadOnlyList<string> Kinds { get; } = [RulesSaved];

    public async Task<IReadOnlyList<AuditRecord>> NewestAsync(AuditQuery query, CancellationToken ct)
    {
        if (query.Kind is { } kind && kind != RulesSaved) return [];
        var sets = db.SourcingRuleSets.AsNoTracking();
        if (query.Actor is { } actor) sets = sets.Where(s => s.CreatedBy == actor);
        if (query.From is { } from) sets = sets.Where(s => s.CreatedAt >= from);
        if (query.To is { } to) sets = sets.Where(s => s.CreatedAt < to);
        var page = await sets.OrderByDescending(s => s.Version).Take(query.Take)
            .Select(s => new { s.Version, s.CreatedAt, s.CreatedBy }).ToListAsync(ct);
        return [.. page.Select(s => new AuditRecord(s.CreatedAt, s.CreatedBy, RulesSaved, $"version {s.Version}", $"saved sourcing rules version {s.Version}"))];
    }
}
