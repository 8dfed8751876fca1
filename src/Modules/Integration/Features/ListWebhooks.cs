using Microsoft.EntityFrameworkCore;
using Omni.Contracts.Identity;
using Omni.Integration.Data;

namespace Omni.Integration.Features;

/// <summary>All subscriptions; there are few, so one page with <c>next</c> always null.</summary>
public sealed record WebhookList(IReadOnlyList<WebhookDetails> Items, string? Next);

internal static class ListWebhooks
{
    public static void Map(IEndpointRouteBuilder webhooks) =>
        webhooks.MapGet("/", Handle).WithName(nameof(ListWebhooks)).RequireAuthorization(Scopes.Policy(Scopes.Admin))
            .WithSummary("Webhook subscriptions, oldest first");

    internal static async Task<WebhookList> Handle(IntegrationDbContext db, CancellationToken ct)
    {
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct);
        return new WebhookList(subscriptions.Select(s => s.ToDetails()).ToList(), null);
    }
}
