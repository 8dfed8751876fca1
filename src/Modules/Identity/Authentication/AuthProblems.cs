using Omni.Common.Errors;

namespace Omni.Identity.Authentication;

/// <summary>
/// Writes 401/403/429 as problem details here rather than leaving them to the status-code pages: those responses
/// are produced by middleware, outside any endpoint, and must carry the same <c>code</c> as every other error.
/// </summary>
internal static class AuthProblems
{
    public static async Task WriteAsync(HttpContext http, int status, string code, string detail)
    {
        if (http.Response.HasStarted) return;
        http.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = Problems.TitleOf(status), Type = Problems.TypeOf(code), Detail = detail };
        problem.Extensions["code"] = code;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}
