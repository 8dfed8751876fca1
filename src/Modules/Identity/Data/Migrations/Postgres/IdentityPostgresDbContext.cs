using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;

namespace Omni.Identity.Data.Migrations.Postgres;

internal sealed class IdentityPostgresDbContext(DbContextOptions<IdentityPostgresDbContext> options) : IdentityDbContext(options);

internal sealed class IdentityPostgresDesignTimeFactory() : PostgresDesignTimeFactory<IdentityPostgresDbContext>(IdentityModule.Name);
