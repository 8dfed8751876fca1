using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Omni.Common.Errors;

namespace Omni.Common.Validation;

/// <summary>
/// Collects per-field errors for a request. Slices validate explicitly so every rule is visible next to
/// the use case and every failure answers 400 with <c>errors: {field: [message]}</c> before anything is written.
/// </summary>
public sealed partial class Validator
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public Validator Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public bool Required(string field, string? value, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value)) { Add(field, "is required."); return false; }
        if (value.Length > maxLength) { Add(field, $"must be at most {maxLength} characters."); return false; }
        return true;
    }

    /// <summary>For numbers, enums and other values whose absence in JSON would otherwise bind silently to a default.</summary>
    public bool Required<T>(string field, T? value) where T : struct
    {
        if (value is null) { Add(field, "is required."); return false; }
        return true;
    }

    public void Optional(string field, string? value, int maxLength = 200)
    {
        if (value is not null && value.Length > maxLength) Add(field, $"must be at most {maxLength} characters.");
    }

    /// <summary>Codes (SKUs, location codes, product codes) are upper-case letters, digits, dash, underscore and dot.</summary>
    public bool Code(string field, string? value, int maxLength = 64)
    {
        if (!Required(field, value, maxLength)) return false;
        if (!CodePattern().IsMatch(value!)) { Add(field, "may contain only letters, digits, '-', '_' and '.'."); return false; }
        return true;
    }

    public void Range(string field, long value, long min, long max)
    {
        if (value < min || value > max) Add(field, $"must be between {min} and {max}.");
    }

    public void Range(string field, double? value, double min, double max)
    {
        if (value is { } v && (double.IsNaN(v) || v < min || v > max)) Add(field, $"must be between {min} and {max}.");
    }

    public void Country(string field, string? value)
    {
        if (Required(field, value, 2) && !Countries.IsKnown(value!)) Add(field, "must be an ISO 3166-1 alpha-2 country code.");
    }

    /// <summary>A postal address; coordinates are optional but come in pairs.</summary>
    public void Address(string field, string? line1, string? line2, string? city, string? postalCode, string? country, double? latitude, double? longitude)
    {
        Required($"{field}.line1", line1);
        Optional($"{field}.line2", line2);
        Required($"{field}.city", city, 100);
        Required($"{field}.postalCode", postalCode, 20);
        Country($"{field}.country", country);
        if (latitude.HasValue != longitude.HasValue)
            Add($"{field}.{(latitude.HasValue ? "longitude" : "latitude")}", "is required when the other coordinate is given.");
        Range($"{field}.latitude", latitude, -90, 90);
        Range($"{field}.longitude", longitude, -180, 180);
    }

    /// <summary>Validates money in major units and returns it in minor units; null when invalid.</summary>
    public Money? Money(string field, MoneyDto? value, bool allowZero = true)
    {
        if (value is null) { Add(field, "is required."); return null; }
        if (!Common.Money.IsKnownCurrency(value.Currency)) { Add($"{field}.currency", "must be an ISO 4217 currency code."); return null; }
        if (value.Amount < 0 || (!allowZero && value.Amount == 0)) { Add($"{field}.amount", allowZero ? "must not be negative." : "must be positive."); return null; }
        if (value.Amount > 100_000_000m) { Add($"{field}.amount", "is unreasonably large."); return null; }
        if (!Common.Money.TryFromMajor(value.Amount, value.Currency, out var money))
        {
            Add($"{field}.amount", $"has more decimals than {value.Currency} allows.");
            return null;
        }
        return money;
    }

    public void Enum<TEnum>(string field, TEnum value) where TEnum : struct, Enum
    {
        if (!System.Enum.IsDefined(value)) Add(field, "is not a known value.");
    }

    public ValidationProblem ToProblem() => Problems.Invalid(Errors());

    /// <summary>The same 400 as <see cref="ToProblem"/>, thrown: for code that refuses from below an endpoint (a contract call).</summary>
    public DomainException ToException() => new("validation_failed", "One or more fields are invalid.", StatusCodes.Status400BadRequest,
        new Dictionary<string, object?> { ["errors"] = Errors() });

    /// <summary>Takes over the errors of <paramref name="exception"/> (from <see cref="ToException"/>), each field under <paramref name="prefix"/>.</summary>
    public Validator AddFrom(DomainException exception, string prefix)
    {
        if (exception.Extensions.TryGetValue("errors", out var value) && value is IDictionary<string, string[]> errors)
            foreach (var (field, messages) in errors)
                foreach (var message in messages) Add($"{prefix}.{field}", message);
        return this;
    }

    private Dictionary<string, string[]> Errors() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex CodePattern();
}
