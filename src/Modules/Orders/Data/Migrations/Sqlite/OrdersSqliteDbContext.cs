using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;

namespace Omni.Orders.Data.Migrations.Sqlite;

internal sealed class OrdersSqliteDbContext(DbContextOptions<OrdersSqliteDbContext> options) : OrdersDbContext(options);

internal sealed class OrdersSqliteDesignTimeFactory() : SqliteDesignTimeFactory<OrdersSqliteDbContext>(OrdersModule.Name);
