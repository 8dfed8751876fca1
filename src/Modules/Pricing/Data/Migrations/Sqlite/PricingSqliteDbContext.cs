using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;

namespace Omni.Pricing.Data.Migrations.Sqlite;

internal sealed class PricingSqliteDbContext(DbContextOptions<PricingSqliteDbContext> options) : PricingDbContext(options);

internal sealed class PricingSqliteDesignTimeFactory() : SqliteDesignTimeFactory<PricingSqliteDbContext>(PricingModule.Name);
