namespace Omni.Payments.Domain;

/// <summary>What a payment stands at, in minor units of its currency.</summary>
internal readonly record struct PaymentAmounts(long Authorized, long Captured, long Refunded, long Voided)
{
    /// <summary>Authorized and neither captured nor voided yet: what a capture or a void may still take.</summary>
    public long Open => Authorized - Captured - Voided;

    /// <summary>Captured and not yet given back: what a refund may still take, and what the customer has paid.</summary>
    public long Kept => Captured - Refunded;
}

internal enum PaymentStatus
{
    Authorized,
    PartiallyCaptured,
    Captured,
    PartiallyRefunded,
    Refunded,
    Voided,
}

/// <summary>How much a release of owed money voids of the open authorization and how much it refunds of what was captured.</summary>
internal readonly record struct Release(long Void, long Refund);

/// <summary>
/// The money rules of a payment, pure: never capture or void more than is open, never refund more than was captured.
/// The same inequalities guard the conditional updates in <see cref="Data.PaymentSql"/>, which is what holds them under
/// concurrency; these functions decide amounts and give refusals their codes before anything is written.
/// </summary>
internal static class PaymentRules
{
    public const string CaptureExceedsAuthorized = "capture_exceeds_authorized";
    public const string RefundExceedsCaptured = "refund_exceeds_captured";
    public const string InvalidAmount = "invalid_amount";

    /// <summary>Null when the capture is allowed, else the refusal's code.</summary>
    public static string? CheckCapture(PaymentAmounts a, long amount) =>
        amount <= 0 ? InvalidAmount : amount > a.Open ? CaptureExceedsAuthorized : null;

    /// <summary>A void releases authorization that was not captured; the same bound as a capture.</summary>
    public static string? CheckVoid(PaymentAmounts a, long amount) => CheckCapture(a, amount);

    public static string? CheckRefund(PaymentAmounts a, long amount) =>
        amount <= 0 ? InvalidAmount : amount > a.Kept ? RefundExceedsCaptured : null;

    /// <summary>
    /// A fulfillment asks for what it is worth; capture what is still open of it. Prices on a fulfillment can exceed
    /// what is left (rounding of discounts, an earlier partial capture), and the customer never pays more than authorized.
    /// </summary>
    public static long CaptureFor(PaymentAmounts a, long owed) => Math.Clamp(owed, 0, Math.Max(0, a.Open));

    /// <summary>Money no longer owed (an expired pickup, cancelled lines): void what is open first, refund the rest of it.</summary>
    public static Release ReleaseFor(PaymentAmounts a, long owed)
    {
        var @void = Math.Clamp(owed, 0, Math.Max(0, a.Open));
        var refund = Math.Clamp(owed - @void, 0, Math.Max(0, a.Kept));
        return new Release(@void, refund);
    }

    public static PaymentStatus StatusOf(PaymentAmounts a) => a switch
    {
        { Refunded: > 0 } when a.Refunded == a.Captured && a.Open == 0 => PaymentStatus.Refunded,
        { Refunded: > 0 } => PaymentStatus.PartiallyRefunded,
        { Captured: > 0 } when a.Open == 0 => PaymentStatus.Captured,
        { Captured: > 0 } => PaymentStatus.PartiallyCaptured,
        { Voided: > 0 } when a.Open == 0 => PaymentStatus.Voided,
        _ => PaymentStatus.Authorized,
    };
}
