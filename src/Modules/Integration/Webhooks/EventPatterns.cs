using Omni.Contracts;

namespace Omni.Integration.Webhooks;

/// <summary>Subscription patterns: an exact event type, <c>prefix.*</c>, or <c>*</c> for everything.</summary>
internal static class EventPatterns
{
    public const string Everything = "*";

    public static bool Matches(IEnumerable<string> patterns, string eventType) => patterns.Any(p => Matches(p, eventType));

    public static bool Matches(string pattern, string eventType) =>
        pattern == Everything
        || (pattern.EndsWith(".*", StringComparison.Ordinal)
            ? eventType.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : string.Equals(pattern, eventType, StringComparison.Ordinal));

    /// <summary>Known when it names a published type or a prefix of one: a typo would otherwise subscribe to nothing, silently.</summary>
    public static bool IsKnown(string pattern) => EventTypes.All.Any(type => Matches(pattern, type));
}
