using System.Collections.Frozen;

namespace Omni.Common;

/// <summary>An amount in integer minor units of an ISO 4217 currency: exact, comparable in SQL on every provider.</summary>
public readonly record struct Money(long Minor, string Currency)
{
    // ISO 4217 codes in use with their minor-unit exponent; the ones absent here are rejected as unknown.
    private static readonly FrozenDictionary<string, int> Exponents = new Dictionary<string, int>
    {
        ["EUR"] = 2, ["USD"] = 2, ["GBP"] = 2, ["CHF"] = 2, ["SEK"] = 2, ["NOK"] = 2, ["DKK"] = 2, ["PLN"] = 2,
        ["CZK"] = 2, ["HUF"] = 2, ["RON"] = 2, ["BGN"] = 2, ["CAD"] = 2, ["AUD"] = 2, ["NZD"] = 2, ["MXN"] = 2,
        ["BRL"] = 2, ["ARS"] = 2, ["CLP"] = 0, ["COP"] = 2, ["PEN"] = 2, ["CNY"] = 2, ["HKD"] = 2, ["SGD"] = 2,
        ["INR"] = 2, ["IDR"] = 2, ["MYR"] = 2, ["PHP"] = 2, ["THB"] = 2, ["VND"] = 0, ["JPY"] = 0, ["KRW"] = 0,
        ["TWD"] = 2, ["TRY"] = 2, ["ILS"] = 2, ["AED"] = 2, ["SAR"] = 2, ["QAR"] = 2, ["KWD"] = 3, ["BHD"] = 3,
        ["OMR"] = 3, ["JOD"] = 3, ["EGP"] = 2, ["ZAR"] = 2, ["NGN"] = 2, ["KES"] = 2, ["MAD"] = 2, ["UAH"] = 2,
        ["ISK"] = 0, ["RSD"] = 2,
    }.ToFrozenDictionary();

    public static bool IsKnownCurrency(string? code) => code is not null && Exponents.ContainsKey(code);

    public static int ExponentOf(string currency) => Exponents[currency];

    /// <summary>Converts a major-unit decimal; false when the currency is unknown or the amount has more decimals than the currency allows.</summary>
    public static bool TryFromMajor(decimal amount, string currency, out Money money)
    {
        money = default;
        if (!Exponents.TryGetValue(currency, out var exponent)) return false;
        // Bound before scaling: near decimal's own limits the multiplication itself overflows, and a Try method must not throw.
        decimal factor = Pow10(exponent);
        if (amount > long.MaxValue / factor || amount < long.MinValue / factor) return false;
        var scaled = amount * factor;
        if (scaled != decimal.Truncate(scaled) || scaled > long.MaxValue || scaled < long.MinValue) return false;
        money = new Money((long)scaled, currency);
        return true;
    }

    public decimal Major => Minor / (decimal)Pow10(ExponentOf(Currency));

    public static Money Zero(string currency) => new(0, currency);

    public Money Times(int quantity) => this with { Minor = checked(Minor * quantity) };

    public static Money operator +(Money a, Money b)
    {
        if (a.Currency != b.Currency) throw new InvalidOperationException($"Cannot add {a.Currency} to {b.Currency}.");
        return a with { Minor = checked(a.Minor + b.Minor) };
    }

    public MoneyDto ToDto() => new(Major, Currency);

    public override string ToString() => $"{Major} {Currency}";

    private static long Pow10(int exponent) => exponent switch { 0 => 1, 1 => 10, 2 => 100, 3 => 1000, _ => throw new ArgumentOutOfRangeException(nameof(exponent)) };
}

/// <summary>Money as it travels in JSON: a decimal in major units and an ISO 4217 code.</summary>
public sealed record MoneyDto(decimal Amount, string Currency);
