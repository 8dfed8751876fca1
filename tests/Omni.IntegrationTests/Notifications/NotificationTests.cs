using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MimeKit;
using Omni.Common.Data;
using Omni.Common.Events.Subscriptions;
using Omni.IntegrationTests.Infrastructure;
using Omni.Notifications;
using Omni.Notifications.Data;
using Omni.Notifications.Subscriptions;
using static Omni.IntegrationTests.Orders.OrderRequests;

namespace Omni.IntegrationTests.Notifications;

public abstract class NotificationTests(OmniFactory omni)
{
    private readonly HttpClient _api = omni.Admin();

    [Fact]
    public async Task A_placed_order_is_confirmed_by_e_mail_once_even_when_its_event_is_delivered_again()
    {
        var warehouse = await ApiSeed.Location(_api, "WH", "warehouse", 45.75, 4.85, ["ship"]);
        var sku = await ApiSeed.Product(_api, 20m);
        await ApiSeed.Stock(_api, warehouse, sku, 10);
        var email = $"{Guid.NewGuid():N}@example.com";
        var order = await (await _api.PostJson("/api/v1/orders", WithCustomer(Ship("web", (sku, 2)), email), Guid.NewGuid().ToString())).Json(HttpStatusCode.Created);
        var number = order.GetProperty("number").GetString()!;
        await omni.WaitForSubscribersAsync();

        await RedeliverAsync("order.placed", order.GetProperty("id").GetGuid());

        var mail = Assert.Single(MailsTo(email));
        Assert.Equal($"Your order {number}", mail.Subject);
        Assert.Contains($"2 x {sku}", mail.TextBody);
        Assert.Contains("Total: 40.00 EUR", mail.TextBody);
        Assert.Equal(1, await omni.InScope(sp => sp.GetRequiredService<NotificationsDbContext>().Sent.CountAsync(s => s.Recipient == email)));
    }

    [Fact]
    public async Task A_refund_is_told_to_the_customer_with_where_the_money_went()
    {
        var store = await ApiSeed.Location(_api, "STORE");
        var sku = await ApiSeed.Product(_api);
        var email = $"{Guid.NewGuid():N}@example.com";
        var sale = await (await _api.PostJson($"/api/v1/stores/{store}/sales", new
        {
            lines = new[] { new { sku, quantity = 1, unitPrice = new { amount = 12m, currency = "EUR" } } }, customer = new { email },
        }, Guid.NewGuid().ToString())).Json(HttpStatusCode.Created);
        await (await _api.PostJson($"/api/v1/orders/{sale.GetProperty("id").GetGuid()}/payment/refunds",
            new { amount = new { amount = 4.5m, currency = "EUR" }, destination = "storeCredit", reason = "damaged box" })).Json(HttpStatusCode.Created);

        await omni.WaitForSubscribersAsync();

        var refund = Assert.Single(MailsTo(email), m => m.Subject?.StartsWith("Refund", StringComparison.Ordinal) == true);
        Assert.Equal($"Refund for order {sale.GetProperty("number").GetString()}", refund.Subject);
        Assert.Contains("We have added 4.50 EUR to your store credit", refund.TextBody);
    }

    [Fact]
    public async Task A_due_pickup_reminder_is_sent_once_and_one_not_yet_due_waits()
    {
        var store = await ApiSeed.Location(_api, "STORE");
        var email = $"{Guid.NewGuid():N}@example.com";
        var now = DateTime.UtcNow;
        var due = Reminder(store, email, "OMDUE01", now.AddHours(20), now.AddHours(-4));
        var later = Reminder(store, email, "OMLATER", now.AddDays(3), now.AddDays(2));
        await omni.InScope(async sp =>
        {
            var db = sp.GetRequiredService<NotificationsDbContext>();
            db.Reminders.AddRange(due, later);
            return await db.SaveChangesAsync();
        });
        var job = omni.Services.GetServices<IHostedService>().OfType<PickupReminderJob>().Single();

        await job.RunOnceAsync(CancellationToken.None);
        await job.RunOnceAsync(CancellationToken.None);

        var mail = Assert.Single(MailsTo(email));
        Assert.Equal($"Reminder: order OMDUE01 is waiting at Test {store}", mail.Subject);
        Assert.Contains("Pickup code: CODE-OMDUE01", mail.TextBody);
        var statuses = await omni.InScope(sp => sp.GetRequiredService<NotificationsDbContext>().Reminders.AsNoTracking()
            .Where(r => r.Email == email).ToDictionaryAsync(r => r.OrderNumber, r => r.Status));
        Assert.Equal(ReminderStatus.Sent, statuses["OMDUE01"]);
        Assert.Equal(ReminderStatus.Pending, statuses["OMLATER"]);
    }

    private static PickupReminder Reminder(string store, string email, string number, DateTime expiresAt, DateTime dueAt) => new()
    {
        FulfillmentId = Guid.CreateVersion7(), OrderId = Guid.CreateVersion7(), OrderNumber = number, LocationCode = store,
        PickupCode = $"CODE-{number}", Email = email, ExpiresAt = expiresAt, DueAt = dueAt, Status = ReminderStatus.Pending,
    };

    /// <summary>Hands a real, already handled event to the subscriber again, as a redelivery after a crash would.</summary>
    private Task<bool> RedeliverAsync(string type, Guid orderId) => omni.InScope(async sp =>
    {
        var db = sp.GetRequiredService<NotificationsDbContext>();
        var stored = (await db.Outbox.AsNoTracking().Where(e => e.Type == type).ToListAsync())
            .Single(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("orderId").GetGuid() == orderId);
        var subscriber = sp.GetRequiredService<WhenOrderProgresses>();
        return await sp.GetRequiredService<DbSession>().InTransactionAsync(async () =>
        {
            await subscriber.HandleAsync(new StoredEvent(stored.Id, stored.Type, stored.OccurredAt, stored.Position!.Value, stored.Data), CancellationToken.None);
            return true;
        }, CancellationToken.None);
    });

    private List<MimeMessage> MailsTo(string email)
    {
        var folder = Path.Combine(omni.NotificationDirectory, "email");
        return !Directory.Exists(folder) ? []
            : Directory.GetFiles(folder, "*.eml").Select(f => MimeMessage.Load(f))
                .Where(m => m.To.Mailboxes.Any(b => b.Address == email)).ToList();
    }

    private static Dictionary<string, object?> WithCustomer(object order, string email)
    {
        var fields = JsonSerializer.SerializeToElement(order, OmniFactory.Json).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        fields["customer"] = new { email, name = "Ana" };
        return fields;
    }
}

public sealed class NotificationTests_Sqlite(SqliteOmni omni) : NotificationTests(omni), IClassFixture<SqliteOmni>;

public sealed class NotificationTests_Postgres(PostgresOmni omni) : NotificationTests(omni), IClassFixture<PostgresOmni>;
