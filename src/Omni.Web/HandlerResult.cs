using Microsoft.AspNetCore.Http.HttpResults;
using Omni.Common.Errors;

namespace Omni.Web;

/// <summary>
/// What a module handler answered, read by a page: the pages call the same handlers as the API, so a page shows exactly
/// the API's value, validation errors and problems instead of re-checking anything itself.
/// </summary>
internal sealed record HandlerResult<T>(T? Value, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => Value is not null;

    /// <summary>Every message, field first, for a summary above a form.</summary>
    public IEnumerable<string> Messages => Errors.SelectMany(e => e.Value.Select(m => e.Key.Length == 0 ? m : $"{e.Key} {m}"));
}

internal static class HandlerResults
{
    public static HandlerResult<T> Read<T>(this IResult result) => (result is INestedHttpResult nested ? nested.Result : result) switch
    {
        IValueHttpResult<T> { Value: { } value } => new(value, new Dictionary<string, string[]>()),
        ValidationProblem invalid => new(default, invalid.ProblemDetails.Errors.ToDictionary(e => e.Key, e => e.Value)),
        ProblemHttpResult { ProblemDetails: HttpValidationProblemDetails invalid } => new(default, invalid.Errors.ToDictionary(e => e.Key, e => e.Value)),
        ProblemHttpResult problem => new(default, new Dictionary<string, string[]> { [""] = [problem.ProblemDetails.Detail ?? problem.ProblemDetails.Title ?? "Refused."] }),
        var other => throw new InvalidOperationException($"The handler answered {other.GetType().Name}, which a page cannot show."),
    };

    public static async Task<HandlerResult<T>> Read<T>(this Task<IResult> result) => (await result).Read<T>();

    /// <summary>
    /// Runs a handler whose domain may refuse by throwing (a state machine's <see cref="DomainException"/>, which the API's
    /// exception handler turns into a 409 or 400): the refusal reads like any other problem.
    /// </summary>
    public static async Task<HandlerResult<T>> Attempt<T>(Func<Task<IResult>> handler)
    {
        try
        {
            return (await handler()).Read<T>();
        }
        catch (DomainException refused)
        {
            return new(default, refused.Extensions.GetValueOrDefault("errors") as IReadOnlyDictionary<string, string[]>
                ?? new Dictionary<string, string[]> { [""] = [refused.Message] });
        }
    }

    /// <summary>The value of a handler that cannot fail for the input a page sends (the page built that input).</summary>
    public static async Task<T> Value<T>(this Task<IResult> result) =>
        (await result).Read<T>() is { Value: { } value } ? value : throw new InvalidOperationException($"Expected a {typeof(T).Name}.");
}
