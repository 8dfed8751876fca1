namespace Omni.Contracts.Identity;

/// <summary>
/// The roles of people who sign in to the browser apps (API keys have scopes instead). A person has one role;
/// associates and store managers are bound to one store.
/// </summary>
public static class Roles
{
    /// <summary>A shopper with an account on the storefront.</summary>
    public const string Customer = "customer";
    /// <summary>A store associate: works in one store.</summary>
    public const string Associate = "associate";
    /// <summary>A store manager: runs one store.</summary>
    public const string StoreManager = "store-manager";
    /// <summary>The omnichannel manager: network, rules, KPIs.</summary>
    public const string OmnichannelManager = "omnichannel-manager";
    /// <summary>Everything, including API keys and webhooks.</summary>
    public const string Admin = "admin";

    /// <summary>All roles.</summary>
    public static readonly IReadOnlyList<string> All = [Customer, Associate, StoreManager, OmnichannelManager, Admin];

    /// <summary>True for the roles that must name the store they work in.</summary>
    public static bool IsStoreBound(string role) => role is Associate or StoreManager;
}
