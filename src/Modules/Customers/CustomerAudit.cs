using Microsoft.EntityFrameworkCore;
using Omni.Contracts.Audit;
using Omni.Customers.Data;
using Omni.Customers.Domain;

namespace Omni.Customers;

/// <summary>The personal-data audit trail (reads, exports, merges, erasures) for the console's audit log.</summary>
internal sealed class CustomerAudit(CustomersDbContext db) : IAuditSource
{
    private const string Prefix = "customer.";

    public IReadOnlyList<string> Kinds { get; } = [.. new[] { AuditActions.Read, AuditActions.Export, AuditActions.Merge, AuditActions.Erase }.Select(a => Prefix + a)];

    public async Task<IReadOnlyList<AuditRecord>> NewestAsync(AuditQuery query, CancellationToken ct)
    {
        if (query.Kind is { } kind && !Kinds.Contains(kind)) return [];
        var rows = db.Audit.AsNoTracking();
        if (query.Kind is { } k) { var action = k[Prefix.Length..]; rows = rows.Where(a => a.Action == action); }
        if (query.Actor is { } actor) rows = rows.Where(a => a.Actor == actor);
        if (query.From is { } from) rows = rows.Where(a => a.At >= from);
        if (query.To is { } to) rows = rows.Where(a => a.At < to);
        var page = await rows.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(query.Take).ToListAsync(ct);
        return [.. page.Select(a => new AuditRecord(a.At, a.Actor, Prefix + a.Action, a.CustomerId?.ToString() ?? "", a.Detail))];
    }
}
