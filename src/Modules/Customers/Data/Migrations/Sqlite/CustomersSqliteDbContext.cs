using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;

namespace Omni.Customers.Data.Migrations.Sqlite;

internal sealed class CustomersSqliteDbContext(DbContextOptions<CustomersSqliteDbContext> options) : CustomersDbContext(options);

internal sealed class CustomersSqliteDesignTimeFactory() : SqliteDesignTimeFactory<CustomersSqliteDbContext>(CustomersModule.Name);
