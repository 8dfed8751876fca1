using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;

namespace Omni.Locations.Data.Migrations.Sqlite;

internal sealed class LocationsSqliteDbContext(DbContextOptions<LocationsSqliteDbContext> options) : LocationsDbContext(options);

internal sealed class LocationsSqliteDesignTimeFactory() : SqliteDesignTimeFactory<LocationsSqliteDbContext>(LocationsModule.Name);
