using System.Security.Cryptography;

namespace Omni.Carts.Domain;

/// <summary>
/// The code a shopper shows a store associate (read aloud, typed, or scanned from its QR image) to hand the cart over.
/// Eight characters from an alphabet without look-alikes (0/O, 1/I), shown as two groups of four: about 10^12 codes,
/// valid for <see cref="Lifetime"/>, so guessing a live one is hopeless.
/// </summary>
internal static class HandoffCode
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const int Length = 8;

    public static string New() => string.Create(Length, 0, (chars, _) =>
    {
        for (var i = 0; i < chars.Length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
    });

    /// <summary>What a person reads: <c>K7M2-9QXD</c>.</summary>
    public static string Display(string code) => $"{code[..4]}-{code[4..]}";

    /// <summary>The stored form of what a person typed: case, spaces and dashes do not matter; null when it cannot be a code.</summary>
    public static string? Normalize(string typed)
    {
        var code = new string([.. typed.Where(c => c is not ('-' or ' ')).Select(char.ToUpperInvariant)]);
        return code.Length == Length && code.All(Alphabet.Contains) ? code : null;
    }
}
