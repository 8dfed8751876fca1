using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;

namespace Omni.Notifications.Data.Migrations.Postgres;

internal sealed class NotificationsPostgresDbContext(DbContextOptions<NotificationsPostgresDbContext> options) : NotificationsDbContext(options);

internal sealed class NotificationsPostgresDesignTimeFactory() : PostgresDesignTimeFactory<NotificationsPostgresDbContext>(NotificationsModule.Name);
