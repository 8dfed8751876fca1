namespace Omni.Web;

/// <summary>
/// The shopper's chosen store ("my store"), kept in a cookie so anonymous shoppers have one too; availability and store
/// prices on the product page are for this store.
/// </summary>
internal sealed class ShopperStore(IHttpContextAccessor http)
{
    private const string Cookie = "omni.store";

    public string? Code => http.HttpContext?.Request.Cookies[Cookie] is { Length: > 0 and <= 64 } code ? code.ToUpperInvariant() : null;

    public void Choose(string code) => http.HttpContext!.Response.Cookies.Append(Cookie, code, new CookieOptions
    {
        HttpOnly = true, Secure = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365), IsEssential = true,
    });
}
