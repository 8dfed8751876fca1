using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;

namespace Omni.Payments.Data.Migrations.Sqlite;

internal sealed class PaymentsSqliteDbContext(DbContextOptions<PaymentsSqliteDbContext> options) : PaymentsDbContext(options);

internal sealed class PaymentsSqliteDesignTimeFactory() : SqliteDesignTimeFactory<PaymentsSqliteDbContext>(PaymentsModule.Name);
