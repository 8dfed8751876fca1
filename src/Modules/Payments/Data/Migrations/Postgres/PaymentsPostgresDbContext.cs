using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;

namespace Omni.Payments.Data.Migrations.Postgres;

internal sealed class PaymentsPostgresDbContext(DbContextOptions<PaymentsPostgresDbContext> options) : PaymentsDbContext(options);

internal sealed class PaymentsPostgresDesignTimeFactory() : PostgresDesignTimeFactory<PaymentsPostgresDbContext>(PaymentsModule.Name);
