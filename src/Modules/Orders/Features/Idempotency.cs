using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Errors;
using Omni.Common.Events;
using Omni.Contracts.Identity;
using Omni.Orders.Data;
using Omni.Orders.Domain;

namespace Omni.Orders.Features;

/// <summary>The Idempotency-Key of a request that creates an order: the same key and body give the first result, another body a 422.</summary>
internal sealed record Idempotency(string Key, string RequestHash)
{
    public const string Header = "Idempotency-Key";

    /// <summary>Null when the client sent no key; a problem when the key is unusable.</summary>
    public static (Idempotency? Value, IResult? Problem) From<TRequest>(HttpRequest http, ClaimsPrincipal user, string endpoint, TRequest body)
    {
        var header = http.Headers[Header].ToString();
        if (header.Length == 0) return (null, null);
        if (header.Length > 200)
            return (null, Problems.Invalid(new Dictionary<string, string[]> { [Header] = ["must be at most 200 characters."] }));
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(body, EventJson.Options))));
        return (new Idempotency($"{user.CallerId()}|{endpoint}|{header}", hash), null);
    }

    /// <summary>The answer to a repeated request, or null when the key is new.</summary>
    public async Task<IResult?> ReplayAsync(OrdersDbContext db, CancellationToken ct)
    {
        var seen = await db.IdempotencyKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Key == Key, ct);
        if (seen is null) return null;
        if (seen.RequestHash != RequestHash)
            return Problems.Problem(StatusCodes.Status422UnprocessableEntity, "idempotency_key_reused",
                "This Idempotency-Key was already used with a different request body.");
        var order = await db.Orders.AsNoTracking().FirstAsync(o => o.Id == seen.OrderId, ct);
        return TypedResults.Created($"/api/v1/orders/{order.Id}", order.ToDetails());
    }

    public void Remember(OrdersDbContext db, Guid orderId, DateTime at) =>
        db.IdempotencyKeys.Add(new IdempotencyKey { Key = Key, RequestHash = RequestHash, OrderId = orderId, CreatedAt = at });
}
