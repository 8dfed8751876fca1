using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Errors;
using Omni.Common.Events;

namespace Omni.Common.Data;

/// <summary>
/// The Idempotency-Key of a request that creates something (an order, a store sale, a return): the same key and body
/// give the first result, another body a 422. Each module keeps its keys in a table of its own, written in the same
/// transaction as what the request created, so a key never outlives a rollback.
/// </summary>
public sealed record Idempotency(string Key, string RequestHash)
{
    public const string Header = "Idempotency-Key";

    /// <summary>
    /// Null when the client sent no key; a problem when the key is unusable. <paramref name="caller"/> is the API key's id
    /// (names need not be unique), <paramref name="endpoint"/> what the key is scoped to besides.
    /// </summary>
    public static (Idempotency? Value, IResult? Problem) From<TRequest>(HttpRequest http, string caller, string endpoint, TRequest body)
    {
        var (key, problem) = ScopedKey(http, caller, endpoint);
        return (key is null ? null : For(key, body), problem);
    }

    /// <summary>
    /// The client's key scoped by caller and endpoint (<c>{caller}|{endpoint}|{key}</c>), for a request handled by code
    /// that hashes the body itself (<see cref="For"/>); null when the client sent none; a problem when it is unusable.
    /// </summary>
    public static (string? Key, IResult? Problem) ScopedKey(HttpRequest http, string caller, string endpoint)
    {
        var header = http.Headers[Header].ToString();
        if (header.Length == 0) return (null, null);
        if (header.Length > 200)
            return (null, Problems.Invalid(new Dictionary<string, string[]> { [Header] = ["must be at most 200 characters."] }));
        return ($"{caller}|{endpoint}|{header}", null);
    }

    /// <summary>The idempotency of <paramref name="body"/> under a key already scoped (see <see cref="ScopedKey"/>).</summary>
    public static Idempotency For<TRequest>(string scopedKey, TRequest body) =>
        new(scopedKey, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(body, EventJson.Options)))));

    /// <summary>
    /// The answer to a repeated request, or null when the key is new. <paramref name="answer"/> turns the id of what the
    /// first request created into the response, as it is now.
    /// </summary>
    public Task<IResult?> ReplayAsync(DbSet<IdempotencyKey> keys, Func<Guid, Task<IResult>> answer, CancellationToken ct) =>
        FindAsync(keys, answer, reused => reused, ct);

    /// <summary>
    /// Like <see cref="ReplayAsync"/> for callers that answer in their own terms: <paramref name="answer"/> for what the
    /// first request created, <paramref name="reused"/> for the 422 of a key sent with another body; null when the key is new.
    /// </summary>
    public async Task<T?> FindAsync<T>(DbSet<IdempotencyKey> keys, Func<Guid, Task<T>> answer, Func<IResult, T> reused, CancellationToken ct)
        where T : class
    {
        var seen = await keys.AsNoTracking().FirstOrDefaultAsync(k => k.Key == Key, ct);
        if (seen is null) return null;
        if (seen.RequestHash != RequestHash)
            return reused(Problems.Problem(StatusCodes.Status422UnprocessableEntity, "idempotency_key_reused",
                "This Idempotency-Key was already used with a different request body."));
        return await answer(seen.ResourceId);
    }

    /// <summary>Stores the key with what the request created; the key's primary key catches a concurrent repeat.</summary>
    public void Remember(DbSet<IdempotencyKey> keys, Guid resourceId, DateTime at) =>
        keys.Add(new IdempotencyKey { Key = Key, RequestHash = RequestHash, ResourceId = resourceId, CreatedAt = at });
}

/// <summary>
/// A client's Idempotency-Key, scoped by caller and endpoint so two integrators can never collide; the hash of the body
/// tells a retry from a different request.
/// </summary>
public sealed class IdempotencyKey
{
    public required string Key { get; init; }
    public required string RequestHash { get; init; }
    /// <summary>What the first request created (an order, a return).</summary>
    public Guid ResourceId { get; init; }
    public DateTime CreatedAt { get; init; }
}

public static class IdempotencyModel
{
    /// <summary>Maps a module's idempotency keys to <paramref name="table"/>; <paramref name="resourceColumn"/> names the created resource's id column.</summary>
    public static void IdempotencyKeys(this ModelBuilder model, string table, string resourceColumn) =>
        model.Entity<IdempotencyKey>(e =>
        {
            e.ToTable(table);
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(400);
            e.Property(x => x.RequestHash).HasMaxLength(64);
            e.Property(x => x.ResourceId).HasColumnName(resourceColumn);
        });
}
