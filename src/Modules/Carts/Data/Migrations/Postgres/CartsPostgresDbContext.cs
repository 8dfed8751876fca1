using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;

namespace Omni.Carts.Data.Migrations.Postgres;

internal sealed class CartsPostgresDbContext(DbContextOptions<CartsPostgresDbContext> options) : CartsDbContext(options);

internal sealed class CartsPostgresDesignTimeFactory() : PostgresDesignTimeFactory<CartsPostgresDbContext>(CartsModule.Name);
