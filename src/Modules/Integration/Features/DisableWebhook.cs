using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Errors;
using Omni.Contracts.Identity;
using Omni.Integration.Data;

namespace Omni.Integration.Features;

internal static class DisableWebhook
{
    public static void Map(IEndpointRouteBuilder webhooks) =>
        webhooks.MapDelete("/{id:guid}", Handle).WithName(nameof(DisableWebhook)).RequireAuthorization(Scopes.Policy(Scopes.Admin))
            .WithSummary("Stop a subscription")
            .WithDescription("Nothing more is delivered, and queued deliveries are dead-lettered. The subscription and its delivery log stay readable.");

    // Disabled rather than deleted: the delivery log is what an integrator reads when asking "did you send it?".
    internal static async Task<Results<NoContent, ProblemHttpResult>> Handle(Guid id, IntegrationDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var subscription = await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (subscription is null) return Problems.NotFound("Webhook", id.ToString());
        subscription.Disable(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
