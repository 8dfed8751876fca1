using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Validation;
using Omni.Contracts;
using Omni.Customers.Data;
using Omni.Customers.Domain;
using Omni.Customers.Interactions;

namespace Omni.Customers.Features;

public sealed record InteractionInput(string? Type, string? DeviceId, Guid? CustomerId, SalesChannel? Channel, DateTime? OccurredAt, JsonElement? Payload);

public sealed record RecordInteractionsRequest(List<InteractionInput>? Items);

public sealed record InteractionsAccepted(int Accepted);

/// <summary>
/// Browsing and store events in batches from web, app and in-store sensors. Anonymous until the device is linked to a
/// profile; a customer id that was merged away is recorded against the surviving profile. All or nothing per batch.
/// </summary>
internal static class RecordInteractions
{
    public const int MaxItems = 1_000;
    public const int MaxPayloadBytes = 2_048;
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) =>
        api.MapPost("/interactions", Handle).WithName(nameof(RecordInteractions)).WithTags("Customers");

    internal static async Task<IResult> Handle(RecordInteractionsRequest request, CustomersDbContext db, InteractionWriter writer, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new Validator();
        var items = request.Items;
        if (items is not { Count: > 0 }) return errors.Add("items", "must contain at least one interaction.").ToProblem();
        if (items.Count > MaxItems) return errors.Add("items", $"must contain at most {MaxItems} interactions.").ToProblem();

        var rows = new List<Interaction>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item is null) { errors.Add($"items[{i}]", "is required."); continue; }
            if (item.Type is null || !InteractionTypes.All.Contains(item.Type))
                errors.Add($"items[{i}].type", $"must be one of {string.Join(", ", InteractionTypes.All.Order(StringComparer.Ordinal))}.");
            var device = Identities.Token(item.DeviceId);
            if (device is null) errors.Add($"items[{i}].deviceId", "is required: 1 to 128 printable characters without spaces.");
            errors.Required($"items[{i}].channel", item.Channel);
            if (errors.Required($"items[{i}].occurredAt", item.OccurredAt) && item.OccurredAt!.Value.ToUniversalTime() > now + ClockSkew)
                errors.Add($"items[{i}].occurredAt", "is in the future.");
            string? payload = null;
            if (item.Payload is { ValueKind: not JsonValueKind.Null } json)
            {
                if (json.ValueKind != JsonValueKind.Object) errors.Add($"items[{i}].payload", "must be a JSON object.");
                else if ((payload = json.GetRawText()).Length > MaxPayloadBytes) errors.Add($"items[{i}].payload", $"must be at most {MaxPayloadBytes} characters.");
            }
            if (!errors.IsValid) continue;
            rows.Add(new Interaction
            {
                Id = Guid.CreateVersion7(), DeviceId = device!, CustomerId = item.CustomerId, Type = item.Type!,
                Channel = item.Channel!.Value.ToString().ToLowerInvariant(), OccurredAt = item.OccurredAt!.Value.ToUniversalTime(),
                ReceivedAt = now, Payload = payload,
            });
        }
        if (!errors.IsValid) return errors.ToProblem();

        var survivors = await LiveCustomersAsync(db, rows.Where(r => r.CustomerId is not null).Select(r => r.CustomerId!.Value).Distinct().ToList(), ct);
        for (var i = 0; i < rows.Count; i++)
            if (rows[i].CustomerId is { } customer)
            {
                if (survivors.TryGetValue(customer, out var live)) rows[i].CustomerId = live;
                else errors.Add($"items[{i}].customerId", $"Customer '{customer}' does not exist.");
            }
        if (!errors.IsValid) return errors.ToProblem();

        await writer.WriteAsync(rows, ct);
        return TypedResults.Accepted((string?)null, new InteractionsAccepted(rows.Count));
    }

    /// <summary>Maps each known customer id to the live profile it stands for; one query for a whole batch in the usual case.</summary>
    private static async Task<Dictionary<Guid, Guid>> LiveCustomersAsync(CustomersDbContext db, List<Guid> ids, CancellationToken ct)
    {
        var live = new Dictionary<Guid, Guid>();
        if (ids.Count == 0) return live;
        var rows = await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.MergedInto, c.ErasedAt }).ToListAsync(ct);
        foreach (var row in rows)
        {
            if (row.ErasedAt is not null) continue;
            if (row.MergedInto is null) live[row.Id] = row.Id;
            else if (await CustomerDirectory.LiveAsync(db, row.Id, ct) is { } survivor) live[row.Id] = survivor.Id;
        }
        return live;
    }
}
