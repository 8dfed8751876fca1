using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;
using Omni.Common.Events;
using Omni.Contracts.Orders;
using Omni.Contracts.PersonalData;
using Omni.Orders.Data;
using Omni.Orders.Features;

namespace Omni.Orders;

/// <summary>
/// Orders hold a customer's name, e-mail, phone and shipping address. On erasure the orders stay (they are accounting
/// records: lines, prices, totals, stores) but lose everything that identifies the person — also in the
/// events this module published about those orders (<c>order.placed</c>, <c>fulfillment.ready_for_pickup</c>), which
/// the feed would otherwise keep serving.
/// </summary>
internal sealed class OrderPersonalData(OrdersDbContext db) : IPersonalDataContributor
{
    private const string Erased = "[erased]";
    private static readonly string[] ContactFields = ["customerEmail", "customerPhone", "customerName"];

    public string Module => OrdersModule.Name;

    public async Task<object> ExportAsync(DataSubject subject, CancellationToken ct)
    {
        var orders = await OrderHistory.Matching(db, Query(subject)).OrderBy(o => o.PlacedAt).ToListAsync(ct);
        return orders.Select(o => o.ToDetails()).ToList();
    }

    public async Task<int> EraseAsync(DataSubject subject, CancellationToken ct)
    {
        var ids = await OrderHistory.Matching(db, Query(subject)).Select(o => o.Id).ToListAsync(ct);
        foreach (var id in ids)
        {
            await using (var command = await db.Database.CommandAsync(
                $"""
                UPDATE orders_orders SET customer_email = NULL, customer_name = NULL, customer_phone = NULL,
                    line1 = CASE WHEN line1 IS NULL THEN NULL ELSE '{Erased}' END, line2 = NULL, latitude = NULL, longitude = NULL
                WHERE id = @id
                """, ct, ("@id", db.Database.Id(id))))
                await command.ExecuteNonQueryAsync(ct);
            await ScrubEventsAsync(id, ct);
        }
        return ids.Count;
    }

    // order.placed and fulfillment.ready_for_pickup carry contact data; any event of the order that has those fields loses them.
    private async Task ScrubEventsAsync(Guid orderId, CancellationToken ct)
    {
        var key = orderId.ToString();
        var events = await db.Outbox.AsNoTracking().Where(e => e.Data.Contains(key)).ToListAsync(ct);
        foreach (var e in events)
        {
            if (JsonNode.Parse(e.Data) is not JsonObject data) continue;
            var fields = ContactFields.Where(f => data[f] is not null).ToList();
            if (fields.Count == 0) continue;
            foreach (var field in fields) data[field] = null;
            var scrubbed = data.ToJsonString(EventJson.Options);
            await db.Outbox.Where(x => x.Id == e.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Data, scrubbed), ct);
        }
    }

    private static CustomerOrderQuery Query(DataSubject subject) => new(subject.Emails, subject.Phones, []);
}
