using System.Globalization;
using Omni.Common;

namespace Omni.Web;

/// <summary>How amounts, distances and times read on every page.</summary>
internal static class Formats
{
    public static string Price(Money money) => Price(money.Major, money.Currency);

    public static string Price(MoneyDto money) => Price(money.Amount, money.Currency);

    private static string Price(decimal amount, string currency) => currency switch
    {
        "EUR" => $"€{amount.ToString("N2", CultureInfo.InvariantCulture)}",
        "USD" => $"${amount.ToString("N2", CultureInfo.InvariantCulture)}",
        "GBP" => $"£{amount.ToString("N2", CultureInfo.InvariantCulture)}",
        _ => $"{amount.ToString("N2", CultureInfo.InvariantCulture)} {currency}",
    };

    public static string Distance(double? km) => km switch
    {
        null => "",
        < 1 => $"{Math.Round(km.Value * 1000):0} m",
        _ => $"{km.Value.ToString("0.0", CultureInfo.InvariantCulture)} km",
    };

    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Day(DayOfWeek day) => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(day);
}
