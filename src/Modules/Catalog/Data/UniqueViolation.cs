using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Omni.Catalog.Data;

internal static class UniqueViolation
{
    // The pre-checks catch duplicates in the common case; this catches the race of two nodes inserting the same code, SKU or GTIN at once.
    public static bool Is(DbUpdateException e) => e.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
