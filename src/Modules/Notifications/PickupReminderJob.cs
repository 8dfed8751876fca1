using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omni.Common.Data;
using Omni.Common.Hosting;
using Omni.Contracts.Locations;
using Omni.Notifications.Data;

namespace Omni.Notifications;

/// <summary>
/// Sends pickup reminders when they fall due (a day before an uncollected pickup expires). Every node runs it; each
/// reminder is claimed by one conditional update (pending → sent) in the transaction that sends it, so on PostgreSQL a
/// second node waits for the first and then finds nothing to claim, and a failed send rolls the claim back for a retry.
/// </summary>
internal sealed class PickupReminderJob(IServiceScopeFactory scopes, IOptions<NotificationOptions> options, TimeProvider clock,
    ILogger<PickupReminderJob> logger) : BackgroundService
{
    private const int BatchSize = 50;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PollingLoop.RunAsync(async ct => await RunOnceAsync(ct) == BatchSize, options.Value.ReminderPollInterval, logger,
            "Sending pickup reminders failed", clock, stoppingToken);

    /// <summary>Sends the reminders due now; returns how many it looked at.</summary>
    internal async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
            due = await db.Reminders.AsNoTracking().Where(r => r.Status == ReminderStatus.Pending && r.DueAt <= now)
                .OrderBy(r => r.DueAt).Select(r => r.FulfillmentId).Take(BatchSize).ToListAsync(ct);
        }
        foreach (var id in due) await SendAsync(id, now, ct);
        return due.Count;
    }

    private async Task SendAsync(Guid fulfillmentId, DateTime now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<NotificationsDbContext>();
        await services.GetRequiredService<DbSession>().InTransactionAsync(async () =>
        {
            var claimed = await db.Reminders.Where(r => r.FulfillmentId == fulfillmentId && r.Status == ReminderStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReminderStatus.Sent), ct);
            if (claimed == 0) return false;
            var reminder = await db.Reminders.AsNoTracking().SingleAsync(r => r.FulfillmentId == fulfillmentId, ct);
            var (store, expiresLocal) = await StoreTime.LocalAsync(services.GetRequiredService<ILocationDirectory>(), reminder.LocationCode, reminder.ExpiresAt, ct);
            await services.GetRequiredService<Notifier>().EmailOnceAsync($"pickup-reminder:{fulfillmentId}", reminder.Email,
                Templates.PickupReminder(reminder.OrderNumber, store, reminder.PickupCode, expiresLocal), ct);
            return true;
        }, ct);
    }
}
