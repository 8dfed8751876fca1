using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;

namespace Omni.Inventory.Data.Migrations.Sqlite;

internal sealed class InventorySqliteDbContext(DbContextOptions<InventorySqliteDbContext> options) : InventoryDbContext(options);

internal sealed class InventorySqliteDesignTimeFactory() : SqliteDesignTimeFactory<InventorySqliteDbContext>(InventoryModule.Name);
