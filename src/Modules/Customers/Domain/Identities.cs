using System.Text;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace Omni.Customers.Domain;

/// <summary>
/// Normalizes identities so the same person typed twice is one key: e-mails trimmed and lower-cased, phones in E.164,
/// loyalty and device ids trimmed. Pure; the rules of matching live here and nowhere else.
/// </summary>
internal static partial class Identities
{
    public const int MaxLength = 254;
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    public static string? Email(string? raw)
    {
        var email = raw?.Trim().ToLowerInvariant();
        return email is { Length: > 0 and <= MaxLength } && EmailPattern().IsMatch(email) ? email : null;
    }

    /// <summary>E.164 (<c>+33612345678</c>), or null when it is not a possible number. Without a leading <c>+</c> the default region applies.</summary>
    public static string? Phone(string? raw, string? defaultRegion)
    {
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > 32) return null;
        try
        {
            var number = Phones.Parse(raw, defaultRegion ?? "ZZ");
            return Phones.IsPossibleNumber(number) ? Phones.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>Loyalty and device ids are opaque: trimmed, case kept, printable and short.</summary>
    public static string? Token(string? raw)
    {
        var token = raw?.Trim();
        return token is { Length: > 0 and <= 128 } && TokenPattern().IsMatch(token) ? token : null;
    }

    /// <summary><c>ana@example.com</c> → <c>a***@example.com</c>: enough for an associate to confirm with the shopper, not to contact them.</summary>
    public static string MaskEmail(string email)
    {
        var at = email.IndexOf('@');
        return at <= 0 ? "***" : $"{email[0]}***{email[at..]}";
    }

    /// <summary><c>+33612345612</c> → <c>+33 6•• •• •• 12</c>: the country, the first digit and the last two stay.</summary>
    public static string MaskPhone(string e164)
    {
        string formatted;
        try { formatted = Phones.Format(Phones.Parse(e164, "ZZ"), PhoneNumberFormat.INTERNATIONAL); }
        catch (NumberParseException) { formatted = e164; }
        var space = formatted.IndexOf(' ');
        var country = space > 0 ? formatted[..space] : "";
        var national = space > 0 ? formatted[(space + 1)..] : formatted;
        var digits = national.Count(char.IsAsciiDigit);
        var masked = new StringBuilder(formatted.Length);
        var seen = 0;
        foreach (var c in national)
        {
            if (!char.IsAsciiDigit(c)) { masked.Append(c); continue; }
            masked.Append(seen == 0 || seen >= digits - 2 ? c : '•');
            seen++;
        }
        return country.Length > 0 ? $"{country} {masked}" : masked.ToString();
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^[\x21-\x7E]+$")]
    private static partial Regex TokenPattern();
}
