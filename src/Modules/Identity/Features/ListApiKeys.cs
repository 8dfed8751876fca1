using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Omni.Contracts.Identity;
using Omni.Identity.Data;

namespace Omni.Identity.Features;

internal static class ListApiKeys
{
    public static void Map(IEndpointRouteBuilder keys) =>
        keys.MapGet("/", Handle).WithName(nameof(ListApiKeys)).RequireAuthorization(Scopes.Policy(Scopes.Admin));

    // A retailer has tens of keys, not thousands: one page, newest first.
    internal static async Task<Ok<ApiKeyList>> Handle(IdentityDbContext db, CancellationToken ct)
    {
        var keys = await db.ApiKeys.AsNoTracking().ToListAsync(ct);
        return TypedResults.Ok(new ApiKeyList([.. keys.OrderByDescending(k => k.CreatedAt).Select(k => k.ToDetails())], null));
    }
}
