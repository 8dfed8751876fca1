using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;

namespace Omni.Identity.Data.Migrations.Sqlite;

internal sealed class IdentitySqliteDbContext(DbContextOptions<IdentitySqliteDbContext> options) : IdentityDbContext(options);

internal sealed class IdentitySqliteDesignTimeFactory() : SqliteDesignTimeFactory<IdentitySqliteDbContext>(IdentityModule.Name);
