using Microsoft.AspNetCore.Http.HttpResults;

namespace Omni.Common.Errors;

/// <summary>Builds the RFC 9457 responses of the API: every one carries a stable <c>code</c>.</summary>
public static class Problems
{
    public static ProblemHttpResult Problem(int status, string code, string detail, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        var all = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>()) { ["code"] = code };
        return TypedResults.Problem(detail: detail, statusCode: status, title: TitleOf(status), type: TypeOf(code), extensions: all);
    }

    public static ProblemHttpResult NotFound(string what, string key) =>
        Problem(StatusCodes.Status404NotFound, "not_found", $"{what} '{key}' does not exist.");

    public static ProblemHttpResult Conflict(string code, string detail, IReadOnlyDictionary<string, object?>? extensions = null) =>
        Problem(StatusCodes.Status409Conflict, code, detail, extensions);

    public static ProblemHttpResult Forbidden(string detail) =>
        Problem(StatusCodes.Status403Forbidden, "forbidden", detail);

    /// <summary>A store-bound key reached for another store.</summary>
    public static ProblemHttpResult ForStoreOnly(string? store) => Forbidden($"This key may act only for store '{store}'.");

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: "One or more fields are invalid.", title: TitleOf(400),
            type: TypeOf("validation_failed"), extensions: new Dictionary<string, object?> { ["code"] = "validation_failed" });

    public static string TypeOf(string code) => $"https://omni.dev/problems/{code.Replace('_', '-')}";

    public static string TitleOf(int status) => status switch
    {
        400 => "Bad request",
        401 => "Unauthorized",
        402 => "Payment required",
        403 => "Forbidden",
        404 => "Not found",
        409 => "Conflict",
        413 => "Payload too large",
        415 => "Unsupported media type",
        422 => "Unprocessable content",
        429 => "Too many requests",
        _ => "Error",
    };
}
