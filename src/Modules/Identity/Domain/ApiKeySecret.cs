using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Omni.Identity.Domain;

internal static class ApiKeySecret
{
    /// <summary>A recognisable start lets secret scanners (and people) spot a leaked key.</summary>
    public const string Start = "omni_";
    public const int PrefixLength = 12;
    public const int HashLength = 64;
    public const int MaxKeyLength = 256;
    public const int MinBootstrapKeyLength = 16;

    public static string Generate() => Start + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string PrefixOf(string key) => key.Length <= PrefixLength ? key : key[..PrefixLength];

    public static string Hash(string key)
    {
        Span<char> hex = stackalloc char[HashLength];
        return TryHash(key, hex) ? new string(hex) : throw new ArgumentException("The key is too long.", nameof(key));
    }

    /// <summary>Hashes into lower-case hex without allocating: this runs on every authenticated request.</summary>
    public static bool TryHash(ReadOnlySpan<char> key, Span<char> hex)
    {
        if (key.IsEmpty || key.Length > MaxKeyLength) return false;
        Span<byte> utf8 = stackalloc byte[MaxKeyLength * 3];
        var length = Encoding.UTF8.GetBytes(key, utf8);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8[..length], digest);
        return Convert.TryToHexStringLower(digest, hex, out _);
    }
}
