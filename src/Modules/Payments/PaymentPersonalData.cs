using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Events;
using Omni.Contracts.PersonalData;
using Omni.Payments.Data;

namespace Omni.Payments;

/// <summary>
/// Payments are accounting records and stay; what identifies the person — the e-mail on payments, on store credits
/// and in the payment events that carried it — goes. An erased customer's store credit keeps its balance and remains
/// usable by its id, like a gift card.
/// </summary>
internal sealed class PaymentPersonalData(PaymentsDbContext db) : IPersonalDataContributor
{
    public string Module => PaymentsModule.Name;

    public async Task<object> ExportAsync(DataSubject subject, CancellationToken ct)
    {
        var emails = subject.Emails.ToList();
        var payments = await db.Payments.AsNoTracking().Where(p => p.CustomerEmail != null && emails.Contains(p.CustomerEmail)).ToListAsync(ct);
        var credits = await db.StoreCredits.AsNoTracking().Where(c => c.CustomerEmail != null && emails.Contains(c.CustomerEmail)).ToListAsync(ct);
        return new
        {
            payments = payments.Select(p => new { p.OrderId, p.TenderType, p.Currency, p.Authorized, p.Captured, p.Refunded, p.Voided, p.CreatedAt }),
            storeCredits = credits.Select(c => new { c.Id, c.Currency, c.Balance, c.CreatedAt }),
        };
    }

    public async Task<int> EraseAsync(DataSubject subject, CancellationToken ct)
    {
        var emails = subject.Emails.ToList();
        var erased = await db.Payments.Where(p => p.CustomerEmail != null && emails.Contains(p.CustomerEmail))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.CustomerEmail, (string?)null), ct);
        erased += await db.StoreCredits.Where(c => c.CustomerEmail != null && emails.Contains(c.CustomerEmail))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.CustomerEmail, (string?)null), ct);
        foreach (var email in emails) await ScrubEventsAsync(email, ct);
        return erased;
    }

    // payment.* events name the customer's e-mail; the feed would otherwise keep serving it.
    private async Task ScrubEventsAsync(string email, CancellationToken ct)
    {
        var events = await db.Outbox.AsNoTracking().Where(e => e.Type.StartsWith("payment.") && e.Data.Contains(email)).ToListAsync(ct);
        foreach (var e in events)
        {
            if (JsonNode.Parse(e.Data) is not JsonObject data || data["customerEmail"] is null) continue;
            data["customerEmail"] = null;
            var scrubbed = data.ToJsonString(EventJson.Options);
            await db.Outbox.Where(x => x.Id == e.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Data, scrubbed), ct);
        }
    }
}
