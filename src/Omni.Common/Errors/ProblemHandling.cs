using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Omni.Common.Errors;

/// <summary>Turns every failure into problem details with a stable code, so no client input can surface as a bare 500.</summary>
public static class ProblemHandling
{
    public static IServiceCollection AddOmniProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Extensions.TryAdd("code", DefaultCode(problem.Status ?? 500));
            problem.Type ??= Problems.TypeOf((string)problem.Extensions["code"]!);
            problem.Title ??= Problems.TitleOf(problem.Status ?? 500);
            problem.Extensions.Remove("traceId");
        });
        services.AddExceptionHandler<OmniExceptionHandler>();
        return services;
    }

    private static string DefaultCode(int status) => status switch
    {
        400 => "bad_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        429 => "rate_limited",
        _ => "internal_error",
    };

    public static WebApplication UseOmniProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    private sealed class OmniExceptionHandler(IProblemDetailsService problems, ILogger<OmniExceptionHandler> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
        {
            var (status, code, detail, extensions) = exception switch
            {
                DomainException e => (e.Status, e.Code, e.Message, e.Extensions),
                BadHttpRequestException { StatusCode: 413 } => (413, "payload_too_large", "The request body is too large.", null),
                BadHttpRequestException { InnerException: JsonException json } =>
                    (400, "malformed_request", $"The request body is not valid JSON for this endpoint: {Describe(json)}", null),
                BadHttpRequestException e => (e.StatusCode, "malformed_request", e.Message, null),
                OperationCanceledException when http.RequestAborted.IsCancellationRequested => (499, "client_closed_request", "The client went away.", null),
                _ => (500, "internal_error", "An unexpected error occurred; it has been logged.", (IReadOnlyDictionary<string, object?>?)null),
            };
            if (status >= 500) logger.LogError(exception, "Unhandled exception on {Method} {Path}", http.Request.Method, http.Request.Path);

            http.Response.StatusCode = status;
            var problem = new ProblemDetails { Status = status, Title = Problems.TitleOf(status), Detail = detail, Type = Problems.TypeOf(code) };
            problem.Extensions["code"] = code;
            foreach (var (key, value) in extensions ?? new Dictionary<string, object?>()) problem.Extensions[key] = value;
            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
        }

        // System.Text.Json's conversion messages name our internal types; say what is wrong in the client's terms instead.
        private static string Describe(JsonException json) =>
            json.Message.Contains("could not be converted", StringComparison.Ordinal)
                ? $"the value at '{json.Path}' has the wrong type or is not one of the allowed values."
                : json.Path is { Length: > 0 } path ? $"{FirstSentence(json.Message)} (at {path})" : FirstSentence(json.Message);

        private static string FirstSentence(string message)
        {
            var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            return cut > 0 ? message[..cut] : message;
        }
    }
}
