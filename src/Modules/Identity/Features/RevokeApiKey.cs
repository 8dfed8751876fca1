using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Errors;
using Omni.Contracts.Identity;
using Omni.Identity.Authentication;
using Omni.Identity.Data;
using Omni.Identity.Domain;

namespace Omni.Identity.Features;

internal static class RevokeApiKey
{
    public static void Map(IEndpointRouteBuilder keys) =>
        keys.MapPost("/{id:guid}/revoke", Handle).WithName(nameof(RevokeApiKey)).RequireAuthorization(Scopes.Policy(Scopes.Admin));

    internal static async Task<Results<Ok<ApiKeyDetails>, ProblemHttpResult>> Handle(
        Guid id, ClaimsPrincipal user, IdentityDbContext db, ApiKeyCache cache, TimeProvider clock, CancellationToken ct)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct);
        if (key is null) return Problems.NotFound("API key", id.ToString());

        if (key.IsActive && key.Scopes.Contains(Scopes.Admin))
        {
            // Revoking the last admin key would leave nobody able to manage keys short of editing the database.
            var activeAdmins = (await db.ApiKeys.AsNoTracking().Where(k => k.RevokedAt == null).ToListAsync(ct))
                .Count(k => k.Scopes.Contains(Scopes.Admin));
            if (activeAdmins <= 1)
                return Problems.Conflict("last_admin_key", "This is the last active admin key; create another admin key before revoking it.");
        }

        if (key.IsActive)
        {
            key.Revoke(ApiKey.Now(clock));
            db.Audit.Add(new IdentityAuditEntry
            {
                At = key.RevokedAt!.Value, Actor = user.Actor(), Kind = IdentityAuditKinds.ApiKeyRevoked, Subject = key.Name, Detail = $"key {key.Prefix}… revoked",
            });
            await db.SaveChangesAsync(ct);
        }
        cache.Forget(key.Hash);
        return TypedResults.Ok(key.ToDetails());
    }
}
