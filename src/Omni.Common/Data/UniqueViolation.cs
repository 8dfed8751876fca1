using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Omni.Common.Data;

public static class UniqueViolation
{
    /// <summary>
    /// True when a write lost a race on a unique index. Pre-checks catch duplicates in the common case; this catches two
    /// requests (or nodes) inserting the same key at once, so the loser answers 409 or replays instead of failing with 500.
    /// </summary>
    public static bool Is(DbUpdateException e) => e.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
