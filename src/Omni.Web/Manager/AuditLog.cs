using Omni.Contracts.Audit;

namespace Omni.Web.Manager;

/// <summary>One page of the audit log, merged from every module's <see cref="IAuditSource"/>; <see cref="More"/> when older records follow.</summary>
internal sealed record AuditPage(IReadOnlyList<AuditRecord> Items, bool More);

/// <summary>
/// Merges the modules' audit records by time. Pages are numbered rather than keyed: records live in several modules' tables with
/// no shared key to resume from, so page n asks each source for its newest n × size + 1 and skips what earlier pages showed.
/// The first page fixes <c>To</c> (the caller passes it on), so records written meanwhile do not shift later pages. Ties keep
/// each source's own order, source by source, so a page boundary falls the same way every time.
/// </summary>
internal static class AuditLog
{
    public const int PageSize = 50;
    public const int MaxPage = 100;

    public static async Task<AuditPage> ReadAsync(IEnumerable<IAuditSource> sources, string? actor, string? kind, DateTime? from, DateTime to, int page,
        CancellationToken ct)
    {
        var query = new AuditQuery(actor, kind, from, to, page * PageSize + 1);
        var merged = new List<(AuditRecord Record, int Source, int Position)>();
        var index = 0;
        // One after the other: every module's context shares the request's one connection.
        foreach (var source in sources)
        {
            var records = await source.NewestAsync(query, ct);
            merged.AddRange(records.Select((r, position) => (r, index, position)));
            index++;
        }
        var ordered = merged.OrderByDescending(m => m.Record.At).ThenBy(m => m.Source).ThenBy(m => m.Position).Select(m => m.Record).ToList();
        return new AuditPage([.. ordered.Skip((page - 1) * PageSize).Take(PageSize)], ordered.Count > page * PageSize);
    }
}
