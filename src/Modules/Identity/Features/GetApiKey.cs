using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Errors;
using Omni.Contracts.Identity;
using Omni.Identity.Data;

namespace Omni.Identity.Features;

internal static class GetApiKey
{
    public static void Map(IEndpointRouteBuilder keys) =>
        keys.MapGet("/{id:guid}", Handle).WithName(nameof(GetApiKey)).RequireAuthorization(Scopes.Policy(Scopes.Admin));

    internal static async Task<Results<Ok<ApiKeyDetails>, ProblemHttpResult>> Handle(Guid id, IdentityDbContext db, CancellationToken ct)
    {
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, ct);
        return key is null ? Problems.NotFound("API key", id.ToString()) : TypedResults.Ok(key.ToDetails());
    }
}
