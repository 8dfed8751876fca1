using System.Security.Claims;
using Omni.Contracts.Identity;

namespace Omni.Web;

/// <summary>Where a person lands after signing in: their store's app, the console, or the shop.</summary>
internal static class StaffHome
{
    public static string For(ClaimsPrincipal? user) => user switch
    {
        null => "/",
        _ when user.IsInRole(Roles.OmnichannelManager) || user.IsInRole(Roles.Admin) => "/manager",
        _ when user.BoundStore() is { } store => $"/associate/{Uri.EscapeDataString(store)}",
        _ => "/",
    };
}
