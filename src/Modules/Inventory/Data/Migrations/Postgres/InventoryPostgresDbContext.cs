using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;

namespace Omni.Inventory.Data.Migrations.Postgres;

internal sealed class InventoryPostgresDbContext(DbContextOptions<InventoryPostgresDbContext> options) : InventoryDbContext(options);

internal sealed class InventoryPostgresDesignTimeFactory() : PostgresDesignTimeFactory<InventoryPostgresDbContext>(InventoryModule.Name);
