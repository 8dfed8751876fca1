using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Omni.Contracts.Identity;
using Omni.Identity.Users;
using Omni.Web.Components;

namespace Omni.Web;

/// <summary>The browser apps: storefront at <c>/</c>, associate app at <c>/associate</c>, manager console at <c>/manager</c>.</summary>
public static class WebApps
{
    public static IServiceCollection AddOmniWeb(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddCascadingAuthenticationState();
        services.AddSingleton<IAuthorizationHandler, StoreAccess.Handler>();
        services.AddHttpContextAccessor();
        services.AddScoped<ShopperStore>();
        services.AddScoped<Storefront.ProductListing>();
        services.AddScoped<Account.ShopperProfile>();
        services.AddScoped<Storefront.ShopperCart>();
        services.AddScoped<Account.ShopperOrders>();
        services.AddAuthorization(o =>
        {
            // Pages read only the sign-in cookie: an API key opens the API, never a person's app.
            AuthorizationPolicyBuilder People() => new AuthorizationPolicyBuilder(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser();
            o.AddPolicy(WebPolicies.Console, People().RequireRole(Roles.OmnichannelManager, Roles.Admin).Build());
            o.AddPolicy(WebPolicies.Admin, People().RequireRole(Roles.Admin).Build());
            string[] staff = [Roles.Associate, Roles.StoreManager, Roles.OmnichannelManager, Roles.Admin];
            o.AddPolicy(WebPolicies.Staff, People().RequireRole(staff).Build());
            o.AddPolicy(WebPolicies.Shopper, People().Build());
            o.AddPolicy(WebPolicies.StoreStaff, People().RequireRole(staff).AddRequirements(new StoreAccess.Requirement()).Build());
        });
        return services;
    }

    public static WebApplication MapOmniWeb(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>();
        Account.ExportDownload.Map(app);
        app.MapPost("/signout", SignOutAsync).WithMetadata(new RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> SignOutAsync(SignInManager<OmniUser> signIn)
    {
        await signIn.SignOutAsync();
        return Results.LocalRedirect("/");
    }
}

/// <summary>Authorization policies of the pages.</summary>
public static class WebPolicies
{
    /// <summary>The manager console: omnichannel managers and admins.</summary>
    public const string Console = "web:console";
    /// <summary>API keys and webhooks: admins.</summary>
    public const string Admin = "web:admin";
    /// <summary>Anyone who works for the retailer.</summary>
    public const string Staff = "web:staff";
    /// <summary>A shopper's own account pages: anyone signed in, each seeing only their own profile.</summary>
    public const string Shopper = "web:shopper";
    /// <summary>The associate app of the store in the route: that store's staff, and managers of the whole network.</summary>
    public const string StoreStaff = "web:store-staff";
}
