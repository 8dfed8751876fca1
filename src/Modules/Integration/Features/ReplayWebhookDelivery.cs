using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Errors;
using Omni.Contracts.Identity;
using Omni.Integration.Data;

namespace Omni.Integration.Features;

internal static class ReplayWebhookDelivery
{
    public static void Map(IEndpointRouteBuilder webhooks) =>
        webhooks.MapPost("/deliveries/{deliveryId:guid}/replay", Handle).WithName(nameof(ReplayWebhookDelivery)).RequireAuthorization(Scopes.Policy(Scopes.Admin))
            .WithSummary("Send a delivered or dead-lettered delivery again")
            .WithDescription("Queues it now with a fresh retry schedule; the `webhook-id` stays the same so receivers can recognise a repeat. 409 `delivery_in_progress` while it is still pending, `webhook_disabled` when its subscription is disabled.");

    internal static async Task<Results<Accepted<WebhookDeliveryDetails>, ProblemHttpResult>> Handle(
        Guid deliveryId, IntegrationDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var delivery = await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == deliveryId, ct);
        if (delivery is null) return Problems.NotFound("Delivery", deliveryId.ToString());
        if (!delivery.IsSettled) return Problems.Conflict("delivery_in_progress", "This delivery is still queued or being sent.");
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == delivery.SubscriptionId && s.DisabledAt == null, ct))
            return Problems.Conflict("webhook_disabled", "The delivery's webhook is disabled.");

        delivery.Requeue(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        var attempts = await db.WebhookAttempts.AsNoTracking().Where(a => a.DeliveryId == deliveryId).ToListAsync(ct);
        return TypedResults.Accepted($"/api/v1/webhooks/{delivery.SubscriptionId}/deliveries", delivery.ToDetails(attempts));
    }
}
