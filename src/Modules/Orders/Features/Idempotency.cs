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

    /// <summary>The client's key scoped by caller and endpoint; null when the client sent none; a problem when it is unusable.</summary>
    public static (string? Key, IResult? Problem) ScopedKey(HttpRequest http, ClaimsPrincipal user, string endpoint)
    {
        var header = http.Headers[Header].ToString();
        if (header.Length == 0) return (null, null);
        if (header.Length > 200)
            return (null, Problems.Invalid(new Dictionary<string, string[]> { [Header] = ["must be at most 200 characters."] }));
        return ($"{user.CallerId()}|{endpoint}|{header}", null);
    }

    /// <summary>Null when the client sent no key; a problem when the key is unusable.</summary>
    public static (Idempotency? Value, IResult? Problem) From<TRequest>(HttpRequest http, ClaimsPrincipal user, string endpoint, TRequest body)
    {
        var (key, problem) = ScopedKey(http, user, endpoint);
        return (key is null ? null : For(key, body), problem);
    }

    public static Idempotency For<TRequest>(string scopedKey, TRequest body) =>
        new(scopedKey, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(body, EventJson.Options)))));

    /// <summary>The order placed earlier under this key (or a 422 when it came with another body); null when the key is new.</summary>
    public async Task<Placement?> FindAsync(OrdersDbContext db, CancellationToken ct)
    {
        var seen = await db.IdempotencyKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Key == Key, ct);
        if (seen is null) return null;
        if (seen.RequestHash != RequestHash)
            return Placement.Refused(Problems.Problem(StatusCodes.Status422UnprocessableEntity, "idempotency_key_reused",
                "This Idempotency-Key was already used with a different request body."));
        return new Placement(await db.Orders.AsNoTracking().FirstAsync(o => o.Id == seen.OrderId, ct), Replayed: true, null);
    }

    /// <summary>The answer to a repeated request, or null when the key is new.</summary>
    public async Task<IResult?> ReplayAsync(OrdersDbContext db, CancellationToken ct) => await FindAsync(db, ct) switch
    {
        null => null,
        { Order: { } order } => TypedResults.Created($"/api/v1/orders/{order.Id}", order.ToDetails()),
        var refused => TypedResults.Problem(refused.Problem!),
    };

    public void Remember(OrdersDbContext db, Guid orderId, DateTime at) =>
        db.IdempotencyKeys.Add(new IdempotencyKey { Key = Key, RequestHash = RequestHash, OrderId = orderId, CreatedAt = at });
}
