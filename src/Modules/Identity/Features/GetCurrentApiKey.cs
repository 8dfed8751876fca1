using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Omni.Contracts.Identity;
using Omni.Identity.Authentication;

namespace Omni.Identity.Features;

/// <summary>Who the caller is: lets an integrator check a key's scopes and store before relying on it.</summary>
public sealed record CurrentCaller(Guid? KeyId, string Name, string? Prefix, IReadOnlyList<string> Scopes, string? StoreCode);

internal static class GetCurrentApiKey
{
    public static void Map(IEndpointRouteBuilder keys) =>
        keys.MapGet("/current", Handle).WithName(nameof(GetCurrentApiKey));

    internal static Ok<CurrentCaller> Handle(ClaimsPrincipal user)
    {
        var key = user.Identity as ApiKeyIdentity;
        var scopes = user.FindAll(Scopes.ClaimType).Select(c => c.Value).ToList();
        return TypedResults.Ok(new CurrentCaller(key?.KeyId, user.Actor(), key?.Prefix, scopes, user.BoundStore()));
    }
}
