using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;

namespace Omni.Orders.Data.Migrations.Postgres;

internal sealed class OrdersPostgresDbContext(DbContextOptions<OrdersPostgresDbContext> options) : OrdersDbContext(options);

internal sealed class OrdersPostgresDesignTimeFactory() : PostgresDesignTimeFactory<OrdersPostgresDbContext>(OrdersModule.Name);
