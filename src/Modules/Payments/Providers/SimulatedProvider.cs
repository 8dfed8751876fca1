using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Omni.Common;

namespace Omni.Payments.Providers;

/// <summary><c>Omni:Payments:Simulated</c>: how the built-in provider behaves.</summary>
internal sealed class SimulatedProviderOptions
{
    public const string Section = "Omni:Payments:Simulated";

    /// <summary>Authorizations above this amount (in major units, any currency) are declined with <c>amount_limit_exceeded</c>.</summary>
    public decimal? DeclineAbove { get; set; }
}

/// <summary>
/// The built-in provider for demos and tests. It keeps no state: answers depend only on the request, and references
/// are derived from the idempotency key, so a retry gets the same reference — idempotent by construction and the same
/// on every node. Test tokens: <c>tok_decline</c> (card_declined), <c>tok_insufficient_funds</c> (insufficient_funds);
/// any other <c>tok_…</c> token (e.g. <c>tok_visa</c>) is approved.
/// </summary>
internal sealed class SimulatedProvider(IOptions<SimulatedProviderOptions> options) : IPaymentProvider
{
    public const string Decline = "tok_decline";
    public const string InsufficientFunds = "tok_insufficient_funds";

    public string Name => "simulated";

    public Task<ProviderResult> AuthorizeAsync(Money amount, string token, string idempotencyKey, CancellationToken ct) => Task.FromResult(token switch
    {
        Decline => ProviderResult.Decline("card_declined", "The card was declined."),
        InsufficientFunds => ProviderResult.Decline("insufficient_funds", "The card has insufficient funds."),
        _ when !token.StartsWith("tok_", StringComparison.Ordinal) => ProviderResult.Decline("invalid_token", "The token is not a token of this provider."),
        _ when options.Value.DeclineAbove is { } limit && amount.Major > limit =>
            ProviderResult.Decline("amount_limit_exceeded", $"The amount is above the simulated limit of {limit}."),
        _ => ProviderResult.Approve(Reference("auth", idempotencyKey)),
    });

    public Task<ProviderResult> CaptureAsync(string authorization, Money amount, string idempotencyKey, CancellationToken ct) =>
        Task.FromResult(ProviderResult.Approve(Reference("cap", idempotencyKey)));

    public Task<ProviderResult> VoidAsync(string authorization, Money amount, string idempotencyKey, CancellationToken ct) =>
        Task.FromResult(ProviderResult.Approve(Reference("void", idempotencyKey)));

    public Task<ProviderResult> RefundAsync(string authorization, Money amount, string idempotencyKey, CancellationToken ct) =>
        Task.FromResult(ProviderResult.Approve(Reference("ref", idempotencyKey)));

    private static string Reference(string kind, string idempotencyKey) =>
        $"sim_{kind}_{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..24]}";
}
