using System.Text.RegularExpressions;
using Omni.Common.Validation;

namespace Omni.Inventory.Domain;

/// <summary>
/// An in-store location label such as <c>A12-3</c> (aisle, bay, shelf): what an associate reads on the shelf edge.
/// Stores label differently, so only the length and a conservative set of characters are enforced.
/// </summary>
internal static partial class BinLabel
{
    public const int MaxLength = 32;

    /// <summary>The label as stored: trimmed, and null for a blank one (which clears the bin).</summary>
    public static string? Normalize(string? bin) => string.IsNullOrWhiteSpace(bin) ? null : bin.Trim();

    /// <summary>Checks a normalized label; letters, digits, spaces and <c>- . / _</c> only, so it prints on any label or receipt.</summary>
    public static void Validate(Validator errors, string field, string? bin)
    {
        if (bin is null) return;
        if (bin.Length > MaxLength) errors.Add(field, $"must be at most {MaxLength} characters.");
        else if (!Pattern().IsMatch(bin)) errors.Add(field, "may contain only letters, digits, spaces, '-', '.', '/' and '_'.");
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9 ./_-]*$")]
    private static partial Regex Pattern();
}
