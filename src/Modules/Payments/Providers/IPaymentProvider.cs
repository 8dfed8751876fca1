using Omni.Common;

namespace Omni.Payments.Providers;

/// <summary>What a provider answered: approved with its reference, or declined with its reason.</summary>
internal sealed record ProviderResult(bool Approved, string? Reference, string? DeclineCode, string? Message)
{
    public static ProviderResult Approve(string reference) => new(true, reference, null, null);

    public static ProviderResult Decline(string code, string message) => new(false, null, code, message);
}

/// <summary>
/// A card or wallet payment provider (a PSP). Every call carries an idempotency key: the same key must give the same
/// answer without moving money twice, because Omni retries after crashes and delivers events at least once.
/// Calls happen inside the database transaction that records them, after the payment's conditional update has
/// reserved the amount; an authorization whose transaction then rolls back expires at the provider on its own.
/// </summary>
internal interface IPaymentProvider
{
    /// <summary>The name stored on payments (<c>simulated</c>).</summary>
    string Name { get; }

    Task<ProviderResult> AuthorizeAsync(Money amount, string token, string idempotencyKey, CancellationToken ct);

    Task<ProviderResult> CaptureAsync(string authorization, Money amount, string idempotencyKey, CancellationToken ct);

    Task<ProviderResult> VoidAsync(string authorization, Money amount, string idempotencyKey, CancellationToken ct);

    Task<ProviderResult> RefundAsync(string authorization, Money amount, string idempotencyKey, CancellationToken ct);
}
