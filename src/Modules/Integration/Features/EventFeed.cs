using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Events;
using Omni.Common.Validation;
using Omni.Integration.Data;

namespace Omni.Integration.Features;

/// <summary>What the feed and the live stream share: the cursor, the type filter and the read by position.</summary>
internal static partial class EventFeed
{
    private const int MaxTypes = 50;

    /// <summary>The cursor is the feed position. Clients treat it as opaque, so it may change shape without breaking them.</summary>
    public static string Cursor(long position) => position.ToString(CultureInfo.InvariantCulture);

    public static long? ParseCursor(Validator validator, string field, string? cursor)
    {
        if (string.IsNullOrEmpty(cursor)) return null;
        if (long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var position)) return position;
        validator.Add(field, "is not a cursor this feed handed out.");
        return null;
    }

    public static string[]? ParseTypes(Validator validator, string? types)
    {
        if (string.IsNullOrWhiteSpace(types)) return null;
        var list = types.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();
        if (list.Length > MaxTypes) validator.Add("types", $"must name at most {MaxTypes} types.");
        foreach (var type in list)
            if (type.Length > 100 || !TypePattern().IsMatch(type)) validator.Add("types", $"'{type}' is not an event type (dotted lower case, e.g. order.placed).");
        return list.Length == 0 ? null : list;
    }

    public static Task<List<OutboxEvent>> ReadAsync(IntegrationDbContext db, long after, string[]? types, int limit, CancellationToken ct)
    {
        var query = db.Outbox.AsNoTracking().Where(e => e.Position > after);
        if (types is not null) query = query.Where(e => types.Contains(e.Type));
        return query.OrderBy(e => e.Position).Take(limit).ToListAsync(ct);
    }

    public static Task<long?> HeadAsync(IntegrationDbContext db, CancellationToken ct) => db.Outbox.MaxAsync(e => e.Position, ct);

    [GeneratedRegex("^[a-z0-9_]+(\\.[a-z0-9_]+)*$")]
    private static partial Regex TypePattern();
}
