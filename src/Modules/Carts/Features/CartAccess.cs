using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Omni.Carts.Data;
using Omni.Carts.Domain;
using Omni.Common.Data;
using Omni.Common.Errors;
using Omni.Contracts.Identity;

namespace Omni.Carts.Features;

/// <summary>
/// Who may see and change a cart. The API key says which integration calls (a web shop, an app back end, a till);
/// within it, a cart is reached with its token (<c>Cart-Token</c> header, given once when the cart is created), or,
/// once assigned, with the signed-in customer's id (<c>Customer-Id</c> header), or by a key bound to the store the
/// cart was handed off to. Anything else is a 404: a cart's existence is not revealed to whoever guesses its id.
/// </summary>
internal sealed class CartAccess(CartsDbContext db, DbSession session)
{
    public const string TokenHeader = "Cart-Token";
    public const string CustomerHeader = "Customer-Id";

    public static (string Token, string Hash) NewToken()
    {
        var token = Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    public static bool Allows(Cart cart, HttpRequest http, ClaimsPrincipal user)
    {
        var token = http.Headers[TokenHeader].ToString();
        if (token.Length is > 0 and <= 100
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(cart.TokenHash))) return true;
        if (cart.CustomerId is { } customer && Guid.TryParse(http.Headers[CustomerHeader].ToString(), out var signedIn) && signedIn == customer) return true;
        return cart.HandedOffTo is { } store && user.BoundStore() is { } bound && string.Equals(store, bound, StringComparison.OrdinalIgnoreCase);
    }

    public static ProblemHttpResult NotFound(Guid id) => Problems.NotFound("Cart", id.ToString());

    /// <summary>The cart as the caller may see it; null when it does not exist or the caller may not reach it.</summary>
    public async Task<Cart?> FindAsync(Guid id, HttpRequest http, ClaimsPrincipal user, CancellationToken ct)
    {
        var cart = await db.Carts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        return cart is not null && Allows(cart, http, user) ? cart : null;
    }

    /// <summary>
    /// Reads the cart for a change inside the open transaction. On PostgreSQL its row is locked until commit, so two
    /// devices editing at once take turns instead of one overwriting the other's lines; SQLite's write transaction
    /// already admits one writer at a time.
    /// </summary>
    public async Task<Cart?> LockAsync(Guid id, CancellationToken ct)
    {
        if (session.Provider == DatabaseProvider.Postgres)
            await using (var command = await db.Database.CommandAsync("SELECT id FROM carts_carts WHERE id = @id FOR UPDATE", ct, ("id", id)))
                await command.ExecuteScalarAsync(ct);
        return await db.Carts.FirstOrDefaultAsync(c => c.Id == id, ct);
    }

    /// <summary>
    /// Applies <paramref name="edit"/> to the cart in one transaction and saves it; answers the changed cart, or the
    /// problem (404 when the caller may not reach the cart, or what the edit refused). A DomainException rolls back.
    /// </summary>
    public async Task<(Cart? Cart, IResult? Problem)> EditAsync(Guid id, HttpRequest http, ClaimsPrincipal user,
        Func<Cart, IResult?> edit, CancellationToken ct, bool requireAccess = true) =>
        await session.InTransactionAsync<(Cart?, IResult?)>(async () =>
        {
            var cart = await LockAsync(id, ct);
            if (cart is null || (requireAccess && !Allows(cart, http, user))) return (null, NotFound(id));
            if (edit(cart) is { } problem) return (null, problem);
            await db.SaveChangesAsync(ct);
            return (cart, null);
        }, ct);

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
