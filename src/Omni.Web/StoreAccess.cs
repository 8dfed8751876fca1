using Microsoft.AspNetCore.Authorization;
using Omni.Contracts.Identity;

namespace Omni.Web;

/// <summary>
/// An associate or store manager opens only their own store's pages: the <c>{store}</c> of the route must be the store
/// in their sign-in (the same rule <see cref="Scopes.MayActFor"/> applies to a store-bound API key).
/// </summary>
internal static class StoreAccess
{
    public const string RouteKey = "store";

    internal sealed class Requirement : IAuthorizationRequirement;

    internal sealed class Handler : AuthorizationHandler<Requirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, Requirement requirement)
        {
            var store = context.Resource is HttpContext http ? http.GetRouteValue(RouteKey) as string : null;
            if (store is not null && context.User.MayActFor(store)) context.Succeed(requirement);
            return Task.CompletedTask;
        }
    }
}
