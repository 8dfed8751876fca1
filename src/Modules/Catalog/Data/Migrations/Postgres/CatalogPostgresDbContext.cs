using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;

namespace Omni.Catalog.Data.Migrations.Postgres;

internal sealed class CatalogPostgresDbContext(DbContextOptions<CatalogPostgresDbContext> options) : CatalogDbContext(options);

internal sealed class CatalogPostgresDesignTimeFactory() : PostgresDesignTimeFactory<CatalogPostgresDbContext>(CatalogModule.Name);
