using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;

namespace Omni.Returns.Data.Migrations.Sqlite;

internal sealed class ReturnsSqliteDbContext(DbContextOptions<ReturnsSqliteDbContext> options) : ReturnsDbContext(options);

internal sealed class ReturnsSqliteDesignTimeFactory() : SqliteDesignTimeFactory<ReturnsSqliteDbContext>(ReturnsModule.Name);
