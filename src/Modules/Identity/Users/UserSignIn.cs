using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Omni.Identity.Authentication;
using Omni.Identity.Data;

namespace Omni.Identity.Users;

/// <summary>
/// Cookie sign-in for people (ASP.NET Core Identity), next to API keys for systems. A request with an
/// <c>Authorization</c> header is a system's; any other is a browser's. The API accepts only keys (see
/// <see cref="ApiKeyAuthentication"/>), so a shopper's cookie never opens <c>/api/v1</c>.
/// </summary>
internal static class UserSignIn
{
    public const string KeyOrCookieScheme = "ApiKeyOrCookie";
    public const string SignInPath = "/signin";
    public const string DeniedPath = "/denied";
    private const int MaxFailedAttempts = 5;

    public static IServiceCollection AddUserSignIn(this IServiceCollection services)
    {
        services.AddIdentityCore<OmniUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // Length over composition rules (NIST SP 800-63B): a long passphrase beats "Passw0rd!".
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireDigit = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddUserStore<Microsoft.AspNetCore.Identity.EntityFrameworkCore.UserOnlyStore<OmniUser, IdentityDbContext, Guid>>()
            .AddClaimsPrincipalFactory<OmniUserClaims>()
            .AddSignInManager();
        services.AddScoped<UserAccounts>();
        services.AddScoped<UserAdministration>();

        services.AddAuthentication(o => o.DefaultScheme = KeyOrCookieScheme)
            .AddPolicyScheme(KeyOrCookieScheme, "API key or sign-in cookie", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.Count > 0 ? ApiKeyAuthentication.Scheme : IdentityConstants.ApplicationScheme)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "omni.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = SignInPath;
            o.AccessDeniedPath = DeniedPath;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.ReturnUrlParameter = CookieAuthenticationDefaults.ReturnUrlParameter;
        });
        return services;
    }
}
