using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;

namespace Omni.Customers.Data.Migrations.Postgres;

internal sealed class CustomersPostgresDbContext(DbContextOptions<CustomersPostgresDbContext> options) : CustomersDbContext(options);

internal sealed class CustomersPostgresDesignTimeFactory() : PostgresDesignTimeFactory<CustomersPostgresDbContext>(CustomersModule.Name);
