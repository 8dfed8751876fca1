using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Omni.Common.Validation;
using Omni.Contracts.Identity;
using Omni.Contracts.Locations;
using Omni.Identity.Authentication;
using Omni.Identity.Data;
using Omni.Identity.Domain;

namespace Omni.Identity.Features;

public sealed record CreateApiKeyRequest(string? Name, IReadOnlyList<string>? Scopes, string? StoreCode);

/// <summary>The one response that carries the secret: it is not stored, so it cannot be shown again.</summary>
public sealed record CreatedApiKey(
    Guid Id, string Name, string Prefix, IReadOnlyList<string> Scopes, string? StoreCode, DateTime CreatedAt, string Key);

internal static class CreateApiKey
{
    public static void Map(IEndpointRouteBuilder keys) =>
        keys.MapPost("/", Handle).WithName(nameof(CreateApiKey)).RequireAuthorization(Scopes.Policy(Scopes.Admin));

    internal static async Task<Results<Created<CreatedApiKey>, ValidationProblem>> Handle(
        CreateApiKeyRequest request, ClaimsPrincipal user, IdentityDbContext db, ApiKeyCache cache, ILocationDirectory locations, TimeProvider clock, CancellationToken ct)
    {
        var validator = new Validator();
        validator.Required("name", request.Name, 100);
        var scopes = request.Scopes?.Distinct(StringComparer.Ordinal).ToArray() ?? [];
        if (scopes.Length == 0) validator.Add("scopes", $"must name at least one of: {string.Join(", ", Scopes.All)}.");
        foreach (var scope in scopes)
            if (!Scopes.All.Contains(scope)) validator.Add("scopes", $"'{scope}' is not a scope; use {string.Join(", ", Scopes.All)}.");
        var storeCode = request.StoreCode?.Trim().ToUpperInvariant();
        if (storeCode is not null && validator.Code("storeCode", storeCode))
        {
            if (scopes.Contains(Scopes.Admin)) validator.Add("storeCode", "a key bound to a store cannot have the admin scope.");
            // A key bound to a store that does not exist could never write anything: a typo, refused now rather than at the till.
            else if (!(await locations.AllAsync(ct)).ContainsKey(storeCode)) validator.Add("storeCode", $"Location '{request.StoreCode}' does not exist.");
        }
        if (!validator.IsValid) return validator.ToProblem();

        var secret = ApiKeySecret.Generate();
        var key = new ApiKey
        {
            Name = request.Name!.Trim(),
            Prefix = ApiKeySecret.PrefixOf(secret),
            Hash = ApiKeySecret.Hash(secret),
            Scopes = scopes,
            StoreCode = storeCode,
            CreatedAt = ApiKey.Now(clock),
        };
        db.ApiKeys.Add(key);
        db.Audit.Add(new IdentityAuditEntry
        {
            At = key.CreatedAt, Actor = user.Actor(), Kind = IdentityAuditKinds.ApiKeyCreated, Subject = key.Name,
            Detail = $"key {key.Prefix}… with scopes {string.Join(", ", key.Scopes)}{(key.StoreCode is { } store ? $" for store {store}" : "")}",
        });
        await db.SaveChangesAsync(ct);
        cache.Forget(key.Hash);

        return TypedResults.Created($"/api/v1/api-keys/{key.Id}",
            new CreatedApiKey(key.Id, key.Name, key.Prefix, key.Scopes, key.StoreCode, key.CreatedAt, secret));
    }
}
