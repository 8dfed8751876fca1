using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Omni.Common.Validation;
using Omni.Integration.Data;

namespace Omni.Integration.Features;

/// <summary>One event of the public feed; <c>data</c> is the event's own JSON.</summary>
public sealed record FeedEvent(Guid Id, string Type, DateTime OccurredAt, JsonElement Data);

/// <summary>
/// A page of the feed. <c>next</c> is where to continue, also when the page is not full: a feed has no end, so a
/// client stores it and asks again later. It is null only when the feed is empty and no cursor was given.
/// </summary>
public sealed record EventPage(IReadOnlyList<FeedEvent> Items, string? Next);

internal static class GetEvents
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static void Map(IEndpointRouteBuilder events) =>
        events.MapGet("/", Handle).WithName(nameof(GetEvents))
            .WithSummary("The event feed, in the order events were committed")
            .WithDescription("Page with `after=<next>`; fewer items than `limit` means you are caught up, so ask again later with the same `next`. `types` filters, e.g. `order.placed,inventory.changed`.");

    internal static async Task<Results<Ok<EventPage>, ValidationProblem>> Handle(
        string? after, int? limit, string? types, IntegrationDbContext db, CancellationToken ct)
    {
        var validator = new Validator();
        var cursor = EventFeed.ParseCursor(validator, "after", after);
        var filter = EventFeed.ParseTypes(validator, types);
        validator.Range("limit", limit ?? DefaultLimit, 1, MaxLimit);
        if (!validator.IsValid) return validator.ToProblem();

        var events = await EventFeed.ReadAsync(db, cursor ?? 0, filter, limit ?? DefaultLimit, ct);
        var items = events.Select(e => new FeedEvent(e.Id, e.Type, e.OccurredAt, JsonSerializer.Deserialize<JsonElement>(e.Data))).ToList();
        var next = events.Count > 0 ? EventFeed.Cursor(events[^1].Position!.Value) : after;
        return TypedResults.Ok(new EventPage(items, next));
    }
}
