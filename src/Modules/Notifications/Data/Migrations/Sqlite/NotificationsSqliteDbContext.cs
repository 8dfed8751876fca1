using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;

namespace Omni.Notifications.Data.Migrations.Sqlite;

internal sealed class NotificationsSqliteDbContext(DbContextOptions<NotificationsSqliteDbContext> options) : NotificationsDbContext(options);

internal sealed class NotificationsSqliteDesignTimeFactory() : SqliteDesignTimeFactory<NotificationsSqliteDbContext>(NotificationsModule.Name);
