using Microsoft.EntityFrameworkCore;
using Omni.Contracts.PersonalData;
using Omni.Notifications.Data;

namespace Omni.Notifications;

/// <summary>
/// Notifications keep whom to tell about an order, the log of what was sent to whom, and pending pickup reminders. On
/// erasure the contacts go (nothing more may be sent to the person), and the log and reminders keep their keys — so a
/// redelivered event still sends nothing — but lose the address.
/// </summary>
internal sealed class NotificationPersonalData(NotificationsDbContext db) : IPersonalDataContributor
{
    private const string Erased = "[erased]";

    public string Module => NotificationsModule.Name;

    public async Task<object> ExportAsync(DataSubject subject, CancellationToken ct)
    {
        var (emails, phones) = Addresses(subject);
        var contacts = await Contacts(emails, phones).AsNoTracking().ToListAsync(ct);
        var sent = await Sent(emails, phones).AsNoTracking().OrderBy(s => s.SentAt).ToListAsync(ct);
        var reminders = await db.Reminders.AsNoTracking().Where(r => emails.Contains(r.Email)).ToListAsync(ct);
        return new
        {
            contacts = contacts.Select(c => new { c.OrderId, c.Number, c.Email, c.Phone, c.PlacedAt }),
            sent = sent.Select(s => new { s.Channel, s.Recipient, s.Subject, s.SentAt }),
            reminders = reminders.Select(r => new { r.OrderNumber, r.LocationCode, r.Email, r.DueAt, Status = r.Status.ToString() }),
        };
    }

    public async Task<int> EraseAsync(DataSubject subject, CancellationToken ct)
    {
        var (emails, phones) = Addresses(subject);
        var erased = await Contacts(emails, phones).ExecuteDeleteAsync(ct);
        erased += await Sent(emails, phones)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Recipient, Erased), ct);
        erased += await db.Reminders.Where(r => emails.Contains(r.Email))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Email, Erased).SetProperty(x => x.Status, ReminderStatus.Cancelled), ct);
        return erased;
    }

    // Orders keep the phone as it was typed and the subject knows it in E.164: drop the usual separators before comparing.
    private IQueryable<OrderContact> Contacts(List<string> emails, List<string> phones) =>
        db.Contacts.Where(c => (c.Email != null && emails.Contains(c.Email))
            || (c.Phone != null && phones.Contains(c.Phone.Replace(" ", "").Replace("-", "").Replace(".", "").Replace("(", "").Replace(")", ""))));

    private IQueryable<SentNotification> Sent(List<string> emails, List<string> phones) =>
        db.Sent.Where(s => emails.Contains(s.Recipient)
            || phones.Contains(s.Recipient.Replace(" ", "").Replace("-", "").Replace(".", "").Replace("(", "").Replace(")", "")));

    private static (List<string> Emails, List<string> Phones) Addresses(DataSubject subject) =>
        ([.. subject.Emails], [.. subject.Phones]);
}
