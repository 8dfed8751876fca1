using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Omni.Contracts.Identity;

namespace Omni.Identity.Users;

/// <summary>
/// Puts a person's role and store into the sign-in cookie as the same claims a store-bound API key carries, so module
/// handlers that ask <see cref="Scopes.BoundStore"/> treat an associate exactly like their store's till.
/// </summary>
internal sealed class OmniUserClaims(UserManager<OmniUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<OmniUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(OmniUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role));
        identity.AddClaim(new Claim(ClaimTypes.GivenName, user.DisplayName));
        if (user.StoreCode is not null) identity.AddClaim(new Claim(Scopes.StoreClaimType, user.StoreCode));
        return identity;
    }
}
