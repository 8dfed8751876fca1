using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;

namespace Omni.Returns.Data.Migrations.Postgres;

internal sealed class ReturnsPostgresDbContext(DbContextOptions<ReturnsPostgresDbContext> options) : ReturnsDbContext(options);

internal sealed class ReturnsPostgresDesignTimeFactory() : PostgresDesignTimeFactory<ReturnsPostgresDbContext>(ReturnsModule.Name);
