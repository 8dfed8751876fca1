using Omni.Common.Http;
namespace Omni.Contracts;

/// <summary>Where a sale starts. Every channel sells from the one inventory at the one price.</summary>
public enum SalesChannel
{
    /// <summary>The web shop.</summary>
    Web,
    /// <summary>The mobile app.</summary>
    App,
    /// <summary>A physical store (POS, associate app).</summary>
    Store,
    /// <summary>Social commerce.</summary>
    Social,
    /// <summary>Marketplaces.</summary>
    Marketplace,
    /// <summary>The call center.</summary>
    Callcenter,
}

/// <summary>Parsing of channels from the lower-case names of the API.</summary>
public static class SalesChannels
{
    /// <summary>Parses <c>web</c>, <c>app</c>, <c>store</c>, <c>social</c>, <c>marketplace</c> or <c>callcenter</c>.</summary>
    public static bool TryParse(string? text, out SalesChannel channel) =>
        ApiEnum.TryParse(text, out channel);

    /// <summary>True for the channels that sell from the whole network rather than one store's shelf.</summary>
    public static bool IsOnline(this SalesChannel channel) => channel != SalesChannel.Store;
}
