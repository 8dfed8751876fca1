using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;

namespace Omni.Integration.Data.Migrations.Postgres;

internal sealed class IntegrationPostgresDbContext(DbContextOptions<IntegrationPostgresDbContext> options) : IntegrationDbContext(options);

internal sealed class IntegrationPostgresDesignTimeFactory() : PostgresDesignTimeFactory<IntegrationPostgresDbContext>(IntegrationModule.Name);
