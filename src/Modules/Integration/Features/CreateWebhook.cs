using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;
using Omni.Common.Validation;
using Omni.Contracts.Identity;
using Omni.Integration.Data;
using Omni.Integration.Webhooks;

namespace Omni.Integration.Features;

public sealed record CreateWebhookRequest(string? Url, IReadOnlyList<string>? Events, string? Secret, string? Description);

/// <summary>The one response that carries the signing secret.</summary>
public sealed record CreatedWebhook(
    Guid Id, string Url, IReadOnlyList<string> Events, string? Description, string Status, DateTime CreatedAt, string Secret);

internal static class CreateWebhook
{
    private const int MaxEvents = 50;

    public static void Map(IEndpointRouteBuilder webhooks) =>
        webhooks.MapPost("/", Handle).WithName(nameof(CreateWebhook)).RequireAuthorization(Scopes.Policy(Scopes.Admin))
            .WithSummary("Subscribe an endpoint to events")
            .WithDescription("`events` are exact types (`order.placed`), prefixes (`inventory.*`) or `*`. Without `secret` one is generated (`whsec_` + base64); it is returned only here. Events committed after the subscription are delivered.");

    internal static async Task<Results<Created<CreatedWebhook>, ValidationProblem>> Handle(
        CreateWebhookRequest request, IntegrationDbContext db, DbSession session, TimeProvider clock, CancellationToken ct)
    {
        var validator = new Validator();
        if (validator.Required("url", request.Url, 2000)
            && (!Uri.TryCreate(request.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
            validator.Add("url", "must be an absolute http or https URL.");
        var events = request.Events?.Select(e => e?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToArray() ?? [];
        if (events.Length == 0) validator.Add("events", "must name at least one event type, e.g. order.placed or inventory.*.");
        if (events.Length > MaxEvents) validator.Add("events", $"must name at most {MaxEvents} patterns.");
        foreach (var pattern in events)
            if (!EventPatterns.IsKnown(pattern)) validator.Add("events", $"'{pattern}' matches no event type; use a type such as order.placed, a prefix such as inventory.*, or *.");
        if (request.Secret is not null && WebhookSignature.KeyOf(request.Secret) is not { Length: >= 16 and <= 64 })
            validator.Add("secret", "must be 'whsec_' followed by the base64 of 16 to 64 random bytes.");
        validator.Optional("description", request.Description, 200);
        if (!validator.IsValid) return validator.ToProblem();

        var subscription = await session.InTransactionAsync(async () =>
        {
            // Under the fan-out lock, the cursor cannot move past events this subscription has not been considered for.
            await WebhookFanout.TryLockAsync(db, session, wait: true, ct);
            var cursor = await db.WebhookCursors.AsNoTracking().SingleAsync(c => c.Name == WebhookCursor.Fanout, ct);
            var created = new WebhookSubscription
            {
                Url = request.Url!,
                Events = events,
                Secret = request.Secret ?? WebhookSignature.GenerateSecret(),
                Description = request.Description,
                StartPosition = cursor.Position,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.WebhookSubscriptions.Add(created);
            await db.SaveChangesAsync(ct);
            return created;
        }, ct);

        var details = subscription.ToDetails();
        return TypedResults.Created($"/api/v1/webhooks/{subscription.Id}",
            new CreatedWebhook(details.Id, details.Url, details.Events, details.Description, details.Status, details.CreatedAt, subscription.Secret));
    }
}
