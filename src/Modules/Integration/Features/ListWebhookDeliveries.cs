using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Errors;
using Omni.Common.Validation;
using Omni.Contracts.Identity;
using Omni.Integration.Data;
using Omni.Integration.Webhooks;

namespace Omni.Integration.Features;

/// <summary>One HTTP attempt: the receiver's status code (null when it never answered), how long it took, and why it failed.</summary>
public sealed record WebhookAttemptDetails(int Number, DateTime AttemptedAt, int DurationMs, int? StatusCode, string? Error, bool Succeeded);

/// <summary>
/// One event owed to a subscription. <c>status</c>: <c>pending</c>, <c>in_flight</c>, <c>delivered</c> or <c>dead</c>.
/// <c>eventCursor</c> is the event's feed cursor, usable as <c>after</c> for a replay.
/// </summary>
public sealed record WebhookDeliveryDetails(
    Guid Id, Guid WebhookId, Guid EventId, string EventType, string EventCursor, string Status, int Attempts,
    DateTime? NextAttemptAt, DateTime? DeliveredAt, int? LastStatusCode, string? LastError, DateTime CreatedAt,
    IReadOnlyList<WebhookAttemptDetails> AttemptLog);

/// <summary>Newest events first; <c>next</c> is passed as <c>before</c> for the following page.</summary>
public sealed record WebhookDeliveryPage(IReadOnlyList<WebhookDeliveryDetails> Items, string? Next);

internal static class ListWebhookDeliveries
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 200;

    public static void Map(IEndpointRouteBuilder webhooks) =>
        webhooks.MapGet("/{id:guid}/deliveries", Handle).WithName(nameof(ListWebhookDeliveries)).RequireAuthorization(Scopes.Policy(Scopes.Admin))
            .WithSummary("The delivery log of a subscription, with every attempt")
            .WithDescription("`status` filters (`pending`, `in_flight`, `delivered`, `dead`). Newest events first; page with `before=<next>`.");

    internal static async Task<Results<Ok<WebhookDeliveryPage>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, string? status, string? before, int? limit, IntegrationDbContext db, CancellationToken ct)
    {
        var validator = new Validator();
        if (status is not null && !DeliveryStatus.All.Contains(status)) validator.Add("status", $"must be one of: {string.Join(", ", DeliveryStatus.All)}.");
        var beforePosition = EventFeed.ParseCursor(validator, "before", before);
        validator.Range("limit", limit ?? DefaultLimit, 1, MaxLimit);
        if (!validator.IsValid) return validator.ToProblem();
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == id, ct)) return Problems.NotFound("Webhook", id.ToString());

        var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == id);
        if (status is not null) query = query.Where(d => d.Status == status);
        if (beforePosition is { } b) query = query.Where(d => d.EventPosition < b);
        var take = limit ?? DefaultLimit;
        var deliveries = await query.OrderByDescending(d => d.EventPosition).Take(take).ToListAsync(ct);
        var ids = deliveries.Select(d => d.Id).ToList();
        var attempts = (await db.WebhookAttempts.AsNoTracking().Where(a => ids.Contains(a.DeliveryId)).ToListAsync(ct))
            .ToLookup(a => a.DeliveryId);

        var items = deliveries.Select(d => d.ToDetails(attempts[d.Id])).ToList();
        var next = deliveries.Count == take ? EventFeed.Cursor(deliveries[^1].EventPosition) : null;
        return TypedResults.Ok(new WebhookDeliveryPage(items, next));
    }

    public static WebhookDeliveryDetails ToDetails(this WebhookDelivery d, IEnumerable<WebhookAttempt> attempts) =>
        new(d.Id, d.SubscriptionId, d.EventId, d.EventType, d.EventPosition.ToString(CultureInfo.InvariantCulture), d.Status, d.Attempts,
            d.IsSettled ? null : d.NextAttemptAt, d.DeliveredAt, d.LastStatusCode, d.LastError, d.CreatedAt,
            attempts.OrderBy(a => a.Number).Select(a => new WebhookAttemptDetails(a.Number, a.AttemptedAt, a.DurationMs, a.StatusCode, a.Error, a.Succeeded)).ToList());
}
