using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;

namespace Omni.Pricing.Data.Migrations.Postgres;

internal sealed class PricingPostgresDbContext(DbContextOptions<PricingPostgresDbContext> options) : PricingDbContext(options);

internal sealed class PricingPostgresDesignTimeFactory() : PostgresDesignTimeFactory<PricingPostgresDbContext>(PricingModule.Name);
