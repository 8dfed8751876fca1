using Microsoft.EntityFrameworkCore;
using Omni.Contracts.Audit;
using Omni.Identity.Data;
using Omni.Identity.Domain;

namespace Omni.Identity;

/// <summary>API key and account changes, for the console's audit log.</summary>
internal sealed class IdentityAudit(IdentityDbContext db) : IAuditSource
{
    public IReadOnlyList<string> Kinds => IdentityAuditKinds.All;

    public async Task<IReadOnlyList<AuditRecord>> NewestAsync(AuditQuery query, CancellationToken ct)
    {
        if (query.Kind is { } kind && !Kinds.Contains(kind)) return [];
        var rows = db.Audit.AsNoTracking();
        if (query.Kind is { } k) rows = rows.Where(a => a.Kind == k);
        if (query.Actor is { } actor) rows = rows.Where(a => a.Actor == actor);
        if (query.From is { } from) rows = rows.Where(a => a.At >= from);
        if (query.To is { } to) rows = rows.Where(a => a.At < to);
        var page = await rows.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(query.Take).ToListAsync(ct);
        return [.. page.Select(a => new AuditRecord(a.At, a.Actor, a.Kind, a.Subject, a.Detail))];
    }
}
