using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;

namespace Omni.Carts.Data.Migrations.Sqlite;

internal sealed class CartsSqliteDbContext(DbContextOptions<CartsSqliteDbContext> options) : CartsDbContext(options);

internal sealed class CartsSqliteDesignTimeFactory() : SqliteDesignTimeFactory<CartsSqliteDbContext>(CartsModule.Name);
