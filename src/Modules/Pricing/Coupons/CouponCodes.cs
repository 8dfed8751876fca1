using System.Security.Cryptography;

namespace Omni.Pricing.Coupons;

/// <summary>
/// Generated codes are read aloud at a till and typed on phones: upper-case letters and digits without the look-alikes
/// (0/O, 1/I/L) and without U (fewer accidental words), in groups of four. Eight random characters from 29 give
/// 5·10^11 codes, so guessing one of a batch of thousands is hopeless.
/// </summary>
internal static class CouponCodes
{
    internal const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int RandomLength = 8;

    public static string Generate(string? prefix)
    {
        Span<char> random = stackalloc char[RandomLength];
        RandomNumberGenerator.GetItems(Alphabet, random);
        var body = $"{random[..4]}-{random[4..]}";
        return prefix is null ? body : $"{prefix}-{body}";
    }

    /// <summary>What a customer typed, as stored: trimmed, upper case, inner spaces dropped (people type the groups apart).</summary>
    public static string Normalize(string typed) => typed.Trim().Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>The key per-customer limits count under: the customer id when known, else the e-mail; null when neither.</summary>
    /// <summary>
    /// Uses counted before orders carried customer ids are under the e-mail: when the id is known, the e-mail's key too, so
    /// those earlier uses still count against the limit; null otherwise.
    /// </summary>
    public static string? EarlierKey(Guid? customerId, string? email) => customerId is null ? null : CustomerKey(null, email);

    public static string? CustomerKey(Guid? customerId, string? email) =>
        customerId is { } id ? $"id:{id:D}"
        : string.IsNullOrWhiteSpace(email) ? null
        : $"email:{email.Trim().ToLowerInvariant()}";
}
