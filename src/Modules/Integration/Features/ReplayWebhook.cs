using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;
using Omni.Common.Errors;
using Omni.Common.Validation;
using Omni.Contracts.Identity;
using Omni.Integration.Data;
using Omni.Integration.Webhooks;

namespace Omni.Integration.Features;

/// <summary><c>queued</c> deliveries; when <c>next</c> is not null there is more to replay: call again with <c>after=next</c>.</summary>
public sealed record WebhookReplay(int Queued, string? Next);

internal static class ReplayWebhook
{
    private const int MaxEvents = 5000;

    public static void Map(IEndpointRouteBuilder webhooks) =>
        webhooks.MapPost("/{id:guid}/replay", Handle).WithName(nameof(ReplayWebhook)).RequireAuthorization(Scopes.Policy(Scopes.Admin))
            .WithSummary("Deliver again every matching event after a feed cursor")
            .WithDescription("`after` is an event feed cursor (the `eventCursor` of a delivery, or `next` of `GET /events`). Matching events already fanned out are queued again, also ones from before the subscription existed; events still in flight are left alone. At most 5,000 events per call.");

    internal static async Task<Results<Accepted<WebhookReplay>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, string? after, IntegrationDbContext db, DbSession session, TimeProvider clock, CancellationToken ct)
    {
        var validator = new Validator();
        if (string.IsNullOrEmpty(after)) validator.Add("after", "is required: the event cursor to replay after (0 for the beginning).");
        var from = EventFeed.ParseCursor(validator, "after", after);
        if (!validator.IsValid) return validator.ToProblem();

        var subscription = await db.WebhookSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (subscription is null) return Problems.NotFound("Webhook", id.ToString());
        if (!subscription.IsActive) return Problems.Conflict("webhook_disabled", "This webhook is disabled.");

        var result = await session.InTransactionAsync(async () =>
        {
            // Up to the fan-out cursor only: later events are fan-out's to write, and writing them here too would race it.
            await WebhookFanout.TryLockAsync(db, session, wait: true, ct);
            var cursor = (await db.WebhookCursors.AsNoTracking().SingleAsync(c => c.Name == WebhookCursor.Fanout, ct)).Position;
            var events = await db.Outbox.AsNoTracking()
                .Where(e => e.Position > from && e.Position <= cursor).OrderBy(e => e.Position).Take(MaxEvents)
                .Select(e => new { e.Id, e.Type, Position = e.Position!.Value })
                .ToListAsync(ct);
            var matching = events.Where(e => subscription.Wants(e.Type)).ToList();
            var eventIds = matching.Select(e => e.Id).ToList();
            var existing = await db.WebhookDeliveries.Where(d => d.SubscriptionId == id && eventIds.Contains(d.EventId)).ToDictionaryAsync(d => d.EventId, ct);

            var now = clock.GetUtcNow().UtcDateTime;
            var queued = 0;
            foreach (var e in matching)
            {
                if (existing.TryGetValue(e.Id, out var delivery))
                {
                    if (!delivery.IsSettled) continue;
                    delivery.Requeue(now);
                }
                else
                {
                    db.WebhookDeliveries.Add(new WebhookDelivery
                    {
                        SubscriptionId = id, EventId = e.Id, EventPosition = e.Position, EventType = e.Type, NextAttemptAt = now, CreatedAt = now,
                    });
                }
                queued++;
            }
            await db.SaveChangesAsync(ct);
            return new WebhookReplay(queued, events.Count == MaxEvents ? EventFeed.Cursor(events[^1].Position) : null);
        }, ct);
        return TypedResults.Accepted($"/api/v1/webhooks/{id}/deliveries", result);
    }
}
