using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;

namespace Omni.Integration.Data.Migrations.Sqlite;

internal sealed class IntegrationSqliteDbContext(DbContextOptions<IntegrationSqliteDbContext> options) : IntegrationDbContext(options);

internal sealed class IntegrationSqliteDesignTimeFactory() : SqliteDesignTimeFactory<IntegrationSqliteDbContext>(IntegrationModule.Name);
