using MimeKit;
using Omni.Common;
using Omni.Contracts.Orders;
using Omni.Notifications;
using Omni.Notifications.Sending;

namespace Omni.UnitTests.Notifications;

public sealed class TemplateTests
{
    [Fact]
    public void An_order_confirmation_lists_the_lines_and_the_total_with_the_currency_s_decimals()
    {
        var message = Templates.OrderConfirmation("OM0000042", new MoneyDto(40m, "EUR"),
            [new OrderLineSummary("TEE-M", 2, "ship", new Dictionary<string, int>()), new OrderLineSummary("MUG", 1, "pickup", new Dictionary<string, int>())]);

        Assert.Equal("Your order OM0000042", message.Subject);
        Assert.Contains("2 x TEE-M (delivery)", message.Body);
        Assert.Contains("1 x MUG (pickup in store)", message.Body);
        Assert.Contains("Total: 40.00 EUR", message.Body);
    }

    [Fact]
    public void Amounts_show_as_many_decimals_as_their_currency_has()
    {
        Assert.Equal("1500 JPY", Templates.Amount(new MoneyDto(1500m, "JPY")));
        Assert.Equal("1.250 KWD", Templates.Amount(new MoneyDto(1.25m, "KWD")));
        Assert.Equal("0.50 EUR", Templates.Amount(new MoneyDto(0.5m, "EUR")));
    }

    [Fact]
    public void Ready_for_pickup_and_the_reminder_carry_the_code_the_store_and_the_local_expiry()
    {
        var expires = new DateTime(2026, 12, 1, 19, 0, 0);
        var ready = Templates.ReadyForPickup("OM1", "Paris Opéra", "K7Q2-9XPL", expires);
        var reminder = Templates.PickupReminder("OM1", "Paris Opéra", "K7Q2-9XPL", expires);

        foreach (var message in new[] { ready, reminder })
        {
            Assert.Contains("K7Q2-9XPL", message.Body);
            Assert.Contains("Paris Opéra", message.Body);
            Assert.Contains("Tuesday 1 December 2026, 19:00", message.Body);
        }
        Assert.Equal("Order OM1 is ready for pickup", ready.Subject);
        Assert.StartsWith("Reminder:", reminder.Subject);
        Assert.Equal("Order OM1 is ready at Paris Opéra. Pickup code: K7Q2-9XPL", Templates.ReadyForPickupSms("OM1", "Paris Opéra", "K7Q2-9XPL"));
    }

    [Fact]
    public void Shipped_gives_the_tracking_number_when_there_is_one()
    {
        Assert.Contains("Tracking number: 1Z999", Templates.Shipped("OM1", "UPS", "1Z999").Body);
        Assert.Contains("with UPS", Templates.Shipped("OM1", "UPS", "1Z999").Body);
        Assert.Contains("will follow", Templates.Shipped("OM1", null, null).Body);
    }

    [Fact]
    public void A_refund_says_where_the_money_went()
    {
        var credit = Guid.NewGuid();
        Assert.Contains($"Store credit: {credit}", Templates.Refunded("OM1", new MoneyDto(5m, "EUR"), toStoreCredit: true, credit).Body);
        Assert.Contains("refunded 5.00 EUR for order OM1 to the way you paid", Templates.Refunded("OM1", new MoneyDto(5m, "EUR"), toStoreCredit: false, null).Body);
    }
}

public sealed class FileSenderTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "omni-notification-tests", Guid.NewGuid().ToString("N"));
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_eml_writer_writes_a_message_MimeKit_reads_back_whole()
    {
        var sender = new EmlFileSender(_directory, _clock);
        var message = Templates.ReadyForPickup("OM7", "Lyon Part-Dieu", "ABCD-1234", new DateTime(2026, 11, 25, 18, 0, 0));

        await sender.SendAsync(Notifier.Compose("Omni <shop@example.com>", "ana@example.com", message, "ready-for-pickup:1"), CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(sender.Directory));
        Assert.EndsWith(".eml", file);
        Assert.StartsWith("20261123T100000000-", Path.GetFileName(file));
        using var read = await MimeMessage.LoadAsync(file);
        Assert.Equal(message.Subject, read.Subject);
        Assert.Equal("shop@example.com", read.From.Mailboxes.Single().Address);
        Assert.Equal("Omni", read.From.Mailboxes.Single().Name);
        Assert.Equal("ana@example.com", read.To.Mailboxes.Single().Address);
        Assert.Equal(message.Body, read.TextBody);
        Assert.EndsWith("@omni", read.MessageId);
    }

    [Fact]
    public void The_same_key_gives_the_same_message_id_so_a_mail_server_can_drop_a_duplicate()
    {
        var message = new Message("s", "b");
        Assert.Equal(Notifier.Compose("a@example.com", "b@example.com", message, "k").MessageId, Notifier.Compose("a@example.com", "b@example.com", message, "k").MessageId);
        Assert.NotEqual(Notifier.Compose("a@example.com", "b@example.com", message, "k").MessageId, Notifier.Compose("a@example.com", "b@example.com", message, "k2").MessageId);
    }

    [Fact]
    public async Task The_sms_writer_writes_the_recipient_and_the_text()
    {
        var sender = new SmsFileSender(_directory, _clock);

        await sender.SendAsync(new Sms("+33600000000", "Order OM1 is ready."), CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(sender.Directory));
        Assert.Equal("To: +33600000000\n\nOrder OM1 is ready.\n", await File.ReadAllTextAsync(file));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
