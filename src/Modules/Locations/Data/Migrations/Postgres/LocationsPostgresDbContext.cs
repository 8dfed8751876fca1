using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;

namespace Omni.Locations.Data.Migrations.Postgres;

internal sealed class LocationsPostgresDbContext(DbContextOptions<LocationsPostgresDbContext> options) : LocationsDbContext(options);

internal sealed class LocationsPostgresDesignTimeFactory() : PostgresDesignTimeFactory<LocationsPostgresDbContext>(LocationsModule.Name);
