using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Errors;
using Omni.Contracts.Identity;
using Omni.Integration.Data;
using Omni.Integration.Webhooks;

namespace Omni.Integration.Features;

/// <summary>A subscription without its secret. <c>status</c> is <c>active</c> or <c>disabled</c>.</summary>
public sealed record WebhookDetails(
    Guid Id, string Url, IReadOnlyList<string> Events, string? Description, string Status, DateTime CreatedAt, DateTime? DisabledAt);

internal static class GetWebhook
{
    public static void Map(IEndpointRouteBuilder webhooks) =>
        webhooks.MapGet("/{id:guid}", Handle).WithName(nameof(GetWebhook)).RequireAuthorization(Scopes.Policy(Scopes.Admin))
            .WithSummary("One webhook subscription");

    internal static async Task<Results<Ok<WebhookDetails>, ProblemHttpResult>> Handle(Guid id, IntegrationDbContext db, CancellationToken ct)
    {
        var subscription = await db.WebhookSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        return subscription is null ? Problems.NotFound("Webhook", id.ToString()) : TypedResults.Ok(subscription.ToDetails());
    }

    public static WebhookDetails ToDetails(this WebhookSubscription s) =>
        new(s.Id, s.Url, s.Events, s.Description, s.IsActive ? "active" : "disabled", s.CreatedAt, s.DisabledAt);
}
