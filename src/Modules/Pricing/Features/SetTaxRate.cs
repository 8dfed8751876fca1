using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;
using Omni.Common.Validation;
using Omni.Pricing.Data;
using Omni.Pricing.Domain;

namespace Omni.Pricing.Features;

/// <summary><c>rate</c> is a percentage with up to three decimals (8.875); <c>inclusive</c>: shelf prices already contain it (VAT).</summary>
internal sealed record TaxRateRequest(string? Name, decimal? Rate, bool? Inclusive);

internal sealed record TaxRateDetails(string Country, string? Region, string Name, decimal Rate, bool Inclusive, DateTime UpdatedAt);

internal sealed record TaxRatePage(IReadOnlyList<TaxRateDetails> Items, string? Next);

/// <summary>Sets the tax of a country, or of one region of it (a US state), which then wins over the country's. Quotes use it at once.</summary>
internal static class SetTaxRate
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder taxRates) =>
        taxRates.MapPut("/{country}/{region?}", Handle).WithName(nameof(SetTaxRate))
            .WithSummary("Creates or replaces the tax rate of a country or of a region of it.");

    internal static async Task<Results<Ok<TaxRateDetails>, ValidationProblem>> Handle(
        string country, string? region, TaxRateRequest request, PricingDbContext db, PricingRulesCache cache, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validator();
        var (place, area) = TaxScope.Validate(v, country, region);
        if (request is null) return v.Add("body", "is required.").ToProblem();
        v.Required("name", request.Name, 100);
        var rate = 0;
        if (v.Required("rate", request.Rate))
        {
            var thousandths = request.Rate!.Value * 1000;
            if (request.Rate <= 0 || request.Rate >= 100) v.Add("rate", "must be more than 0 and less than 100 (percent).");
            else if (thousandths != decimal.Truncate(thousandths)) v.Add("rate", "may have at most three decimals.");
            else rate = (int)thousandths;
        }
        v.Required("inclusive", request.Inclusive);
        if (!v.IsValid) return v.ToProblem();

        var at = clock.GetUtcNow().UtcDateTime;
        var key = TaxRateRecord.KeyOf(place, area);
        for (var attempt = 0; ; attempt++)
        {
            var record = await db.TaxRates.FirstOrDefaultAsync(t => t.ScopeKey == key, ct);
            if (record is null) db.TaxRates.Add(record = new TaxRateRecord { Country = place, Region = area, ScopeKey = key, Name = "" });
            record.Name = request.Name!.Trim();
            record.RateMillipercent = rate;
            record.Inclusive = request.Inclusive!.Value;
            record.UpdatedAt = at;
            try
            {
                await db.SaveChangesAsync(ct);
                return TypedResults.Ok(record.ToDetails());
            }
            // Two first settings of one scope raced: the loser updates the winner's row instead.
            catch (DbUpdateException e) when (attempt == 0 && UniqueViolation.Is(e))
            {
                db.ChangeTracker.Clear();
            }
            finally
            {
                cache.Invalidate();
            }
        }
    }
}

internal static class TaxScope
{
    public static (string Country, string? Region) Validate(Validator v, string country, string? region)
    {
        var place = country.Trim().ToUpperInvariant();
        v.Country("country", place);
        var area = region?.Trim().ToUpperInvariant();
        if (area is not null) v.Code("region", area, 10);
        return (place, area);
    }

    public static TaxRateDetails ToDetails(this TaxRateRecord t) => new(t.Country, t.Region, t.Name, t.RateMillipercent / 1000m, t.Inclusive, t.UpdatedAt);
}
