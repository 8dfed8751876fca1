using System.Security.Claims;
using Omni.Contracts.Customers;

namespace Omni.Web.Account;

/// <summary>
/// The signed-in shopper's one customer profile, found by the e-mail they sign in with: the same identity resolution every
/// channel uses, so orders at a till with that e-mail, the cart and the consents all meet on one profile.
/// </summary>
internal sealed class ShopperProfile(IHttpContextAccessor http, ICustomerDirectory directory)
{
    private Guid? _customerId;

    /// <summary>The signed-in person's e-mail; null for an anonymous shopper.</summary>
    public string? Email => EmailOf(http.HttpContext?.User);

    /// <summary>The profile id once <see cref="CustomerIdAsync"/> or <see cref="SignedInAsync"/> found it in this request.</summary>
    public Guid? KnownCustomerId => _customerId;

    /// <summary>The profile of the signed-in person (created on first use); null for an anonymous shopper.</summary>
    public async Task<Guid?> CustomerIdAsync(CancellationToken ct = default)
    {
        if (_customerId is { } known) return known;
        var user = http.HttpContext?.User;
        if (EmailOf(user) is not { } email) return null;
        _customerId = await ResolveAsync(email, user!.FindFirst(ClaimTypes.GivenName)?.Value, ct);
        return _customerId;
    }

    /// <summary>
    /// The profile of a person who is signing in during this request, before their cookie exists (the sign-in and
    /// registration pages); later calls of <see cref="CustomerIdAsync"/> in the same request answer it.
    /// </summary>
    public async Task<Guid> SignedInAsync(string email, string? name, CancellationToken ct = default)
    {
        _customerId = await ResolveAsync(email, name, ct);
        return _customerId.Value;
    }

    private async Task<Guid> ResolveAsync(string email, string? name, CancellationToken ct) =>
        (await directory.ResolveAsync(new CustomerIdentities(Email: email, Name: name), ct)).CustomerId;

    private static string? EmailOf(ClaimsPrincipal? user) => user?.Identity?.IsAuthenticated == true
        ? user.FindFirst(ClaimTypes.Email)?.Value ?? user.Identity.Name
        : null;
}
