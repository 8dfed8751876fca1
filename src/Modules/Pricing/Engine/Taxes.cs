namespace Omni.Pricing.Engine;

/// <summary>
/// A sales tax or VAT rate of a country, or of one region of it (a US state). <see cref="RateMillipercent"/> is in
/// thousandths of a percent (20 % = 20000, 8.875 % = 8875) so the arithmetic stays in integers. <see cref="Inclusive"/>:
/// shelf prices already contain the tax (EU VAT law), so the quote shows the portion; otherwise it is added on top.
/// </summary>
internal sealed record TaxRate(string Country, string? Region, string Name, int RateMillipercent, bool Inclusive);

/// <summary>Tax per line on what the line costs after every discount, rounded half up per line, as receipts print it.</summary>
internal static class Taxes
{
    private const long Whole = 100_000;

    /// <summary>The rate of the region when there is one for it, else the country's; null when neither is in the table.</summary>
    public static TaxRate? Find(IReadOnlyList<TaxRate> rates, string? country, string? region)
    {
        if (country is null) return null;
        TaxRate? countryWide = null;
        foreach (var rate in rates)
        {
            if (!string.Equals(rate.Country, country, StringComparison.OrdinalIgnoreCase)) continue;
            if (rate.Region is null) countryWide = rate;
            else if (region is not null && string.Equals(rate.Region, region, StringComparison.OrdinalIgnoreCase)) return rate;
        }
        return countryWide;
    }

    public static Quote Apply(Quote quote, TaxRate? rate)
    {
        if (rate is null) return quote;
        var lines = new QuoteLine[quote.Lines.Count];
        long taxTotal = 0, total = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = quote.Lines[i];
            var net = line.Net.Minor;
            var tax = rate.Inclusive ? Included(net, rate.RateMillipercent) : Added(net, rate.RateMillipercent);
            var lineTotal = rate.Inclusive ? net : checked(net + tax);
            lines[i] = line with { Tax = line.Tax with { Minor = tax }, Total = line.Total with { Minor = lineTotal } };
            taxTotal = checked(taxTotal + tax);
            total = checked(total + lineTotal);
        }
        return quote with
        {
            Lines = lines, TaxTotal = quote.TaxTotal with { Minor = taxTotal }, Total = quote.Total with { Minor = total }, Tax = rate,
        };
    }

    /// <summary>The tax inside a tax-inclusive amount: gross × r / (1 + r), half up.</summary>
    internal static long Included(long gross, int rateMillipercent) =>
        gross <= 0 || rateMillipercent <= 0 ? 0 : (long)(((Int128)gross * rateMillipercent * 2 + (Whole + rateMillipercent)) / (2 * (Whole + rateMillipercent)));

    /// <summary>The tax on top of a net amount: net × r, half up.</summary>
    internal static long Added(long net, int rateMillipercent) =>
        net <= 0 || rateMillipercent <= 0 ? 0 : (long)(((Int128)net * rateMillipercent * 2 + Whole) / (2 * Whole));
}
