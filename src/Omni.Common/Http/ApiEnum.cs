namespace Omni.Common.Http;

/// <summary>Reads an enum from a query string the way the JSON reads it: by name, any case, never by number.</summary>
public static class ApiEnum
{
    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum =>
        Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(text, out _);
}
