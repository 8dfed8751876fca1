namespace Omni.Common.Errors;

/// <summary>A business rule said no. Carries a stable code clients can branch on; becomes a problem-details response.</summary>
public class DomainException(string code, string detail, int status = StatusCodes.Status409Conflict, IReadOnlyDictionary<string, object?>? extensions = null)
    : Exception(detail)
{
    public string Code { get; } = code;
    public int Status { get; } = status;
    public IReadOnlyDictionary<string, object?> Extensions { get; } = extensions ?? new Dictionary<string, object?>();

    public static DomainException NotFound(string what, string key) =>
        new("not_found", $"{what} '{key}' does not exist.", StatusCodes.Status404NotFound);
}
