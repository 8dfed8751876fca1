namespace Omni.Catalog.Domain;

/// <summary>GS1 Global Trade Item Numbers: GTIN-8, GTIN-12 (UPC-A), GTIN-13 (EAN) and GTIN-14.</summary>
internal static class Gtin
{
    public static bool HasValidLength(string gtin) => gtin.Length is 8 or 12 or 13 or 14 && gtin.All(char.IsAsciiDigit);

    /// <summary>True when <paramref name="gtin"/> has a valid length and its last digit is the GS1 mod-10 check digit.</summary>
    public static bool IsValid(string gtin) => HasValidLength(gtin) && CheckDigit(gtin.AsSpan(0, gtin.Length - 1)) == gtin[^1] - '0';

    /// <summary>GS1 mod 10: weights 3 and 1 alternate from the digit next to the check digit leftwards.</summary>
    public static int CheckDigit(ReadOnlySpan<char> payload)
    {
        var sum = 0;
        for (var i = 0; i < payload.Length; i++)
        {
            var weight = i % 2 == 0 ? 3 : 1;
            sum += (payload[payload.Length - 1 - i] - '0') * weight;
        }
        return (10 - sum % 10) % 10;
    }

    /// <summary>
    /// The same item can be written as GTIN-13 or, zero-padded, as GTIN-14; uniqueness is checked on the 14-digit form
    /// so one barcode cannot be given to two SKUs by writing it differently.
    /// </summary>
    public static string ToGtin14(string gtin) => gtin.PadLeft(14, '0');
}
