using System.Security.Claims;

namespace Omni.Contracts.Identity;

/// <summary>What an API key may do. Every key may read; writing needs the scope of the area or <see cref="Admin"/>.</summary>
public static class Scopes
{
    /// <summary>Everything, including managing keys.</summary>
    public const string Admin = "admin";
    /// <summary>Products and locations.</summary>
    public const string Catalog = "catalog";
    /// <summary>Counts, movements.</summary>
    public const string Inventory = "inventory";
    /// <summary>Orders and store sales.</summary>
    public const string Orders = "orders";
    /// <summary>Refunds outside a return (goodwill, price adjustments).</summary>
    public const string Payments = "payments";
    /// <summary>Read-only access.</summary>
    public const string Read = "read";
    /// <summary>Customer profiles, interactions, consents, loyalty and GDPR requests.</summary>
    public const string Customers = "customers";

    /// <summary>All scopes.</summary>
    public static readonly IReadOnlyList<string> All = [Admin, Catalog, Inventory, Orders, Payments, Read, Customers];

    /// <summary>The claim type carrying a scope.</summary>
    public const string ClaimType = "scope";

    /// <summary>The claim type carrying the store a key is bound to.</summary>
    public const string StoreClaimType = "store";

    /// <summary>The authorization policy name for a scope.</summary>
    public static string Policy(string scope) => $"scope:{scope}";

    /// <summary>The store the caller is bound to, if any.</summary>
    public static string? BoundStore(this ClaimsPrincipal user) => user.FindFirst(StoreClaimType)?.Value;

    /// <summary>True when the caller may act for <paramref name="locationCode"/>: unbound callers act for all.</summary>
    public static bool MayActFor(this ClaimsPrincipal user, string locationCode) =>
        user.BoundStore() is not { } store || string.Equals(store, locationCode, StringComparison.OrdinalIgnoreCase);

    /// <summary>The caller's stable identity (the API key's id): names are for people and need not be unique.</summary>
    public static string CallerId(this ClaimsPrincipal user) => user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? user.Actor();

    /// <summary>Who is acting, for the audit trail and the ledger.</summary>
    public static string Actor(this ClaimsPrincipal user) => user.Identity?.Name ?? "system";
}
