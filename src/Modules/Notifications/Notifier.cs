using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Omni.Notifications.Data;
using Omni.Notifications.Sending;

namespace Omni.Notifications;

/// <summary>
/// Sends a notification at most once per key: the sent row is written first, in the caller's transaction, then the
/// message goes out. A failed send throws and rolls the row back, so the event is retried; a crash between sending and
/// commit sends again — at least once, never twice for a redelivered event that was already recorded.
/// </summary>
internal sealed class Notifier(NotificationsDbContext db, IEmailSender email, ISmsSender sms, IOptions<NotificationOptions> options, TimeProvider clock)
{
    public async Task EmailOnceAsync(string key, string to, Message message, CancellationToken ct)
    {
        if (!await RecordAsync(key, "email", to, message.Subject, ct)) return;
        await email.SendAsync(Compose(options.Value.From, to, message, key), ct);
    }

    public async Task SmsOnceAsync(string key, string to, string text, CancellationToken ct)
    {
        if (!await RecordAsync(key, "sms", to, text.Length > 400 ? text[..400] : text, ct)) return;
        await sms.SendAsync(new Sms(to, text), ct);
    }

    /// <summary>The MIME message of a notification; its Message-Id comes from the key, so a mail server can drop a duplicate too.</summary>
    public static MimeMessage Compose(string from, string to, Message message, string key)
    {
        var mail = new MimeMessage { Subject = message.Subject, Body = new TextPart("plain") { Text = message.Body } };
        mail.From.Add(MailboxAddress.Parse(from));
        mail.To.Add(MailboxAddress.Parse(to));
        mail.MessageId = $"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..32]}@omni";
        return mail;
    }

    private async Task<bool> RecordAsync(string key, string channel, string to, string subject, CancellationToken ct)
    {
        if (await db.Sent.AnyAsync(s => s.Key == key, ct)) return false;
        db.Sent.Add(new SentNotification { Key = key, Channel = channel, Recipient = to, Subject = subject, SentAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        return true;
    }
}
