using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;

namespace Omni.Catalog.Data.Migrations.Sqlite;

internal sealed class CatalogSqliteDbContext(DbContextOptions<CatalogSqliteDbContext> options) : CatalogDbContext(options);

internal sealed class CatalogSqliteDesignTimeFactory() : SqliteDesignTimeFactory<CatalogSqliteDbContext>(CatalogModule.Name);
