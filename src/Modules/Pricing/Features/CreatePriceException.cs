using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;
using Omni.Common.Errors;
using Omni.Common.Validation;
using Omni.Contracts;
using Omni.Contracts.Catalog;
using Omni.Pricing.Data;
using Omni.Pricing.Domain;

namespace Omni.Pricing.Features;

/// <summary>
/// The only way a channel or a store gets a price other than the price book's: an explicit record with a reason,
/// listed by the consistency report. An exception for no channel and no store would be a price-book change, so it is refused.
/// </summary>
internal static class CreatePriceException
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder exceptions) =>
        exceptions.MapPost("/", Handle).WithName(nameof(CreatePriceException))
            .WithSummary("Sets a channel or store price for one SKU, with the reason it differs from the price book.")
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Results<Created<PriceExceptionDetails>, ValidationProblem, ProblemHttpResult>> Handle(
        PriceExceptionRequest request, PricingDbContext db, ICatalogLookup catalog, PricingRulesCache cache, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validator();
        if (request is null) return v.Add("body", "is required.").ToProblem();
        v.Code("sku", request.Sku);
        SalesChannel? channel = null;
        if (request.Channel is not null)
        {
            if (SalesChannels.TryParse(request.Channel, out var parsed)) channel = parsed;
            else v.Add("channel", "must be web, app, store, social, marketplace or callcenter.");
        }
        if (request.LocationCode is not null) v.Code("locationCode", request.LocationCode);
        if (request.Channel is null && request.LocationCode is null)
            v.Add("channel", "give a channel, a locationCode or both: a price for everywhere belongs in the price book.");
        var price = v.Money("price", request.Price, allowZero: false);
        v.Required("reason", request.Reason, 400);
        if (!v.IsValid) return v.ToProblem();

        var sku = PromotionRules.Normalize(request.Sku!);
        var variants = await catalog.FindVariantsAsync([sku], ct);
        if (!variants.TryGetValue(sku, out var variant)) return v.Add("sku", "is not a known SKU.").ToProblem();
        if (variant.Price.Currency != price!.Value.Currency)
            return v.Add("price.currency", $"must be the price book's currency, {variant.Price.Currency}.").ToProblem();

        var location = request.LocationCode is null ? null : PromotionRules.Normalize(request.LocationCode);
        var scopeKey = PriceExceptionRecord.KeyOf(variant.Sku, channel, location);
        if (await db.PriceExceptions.AnyAsync(e => e.ScopeKey == scopeKey, ct)) return Duplicate(scopeKey);

        var at = clock.GetUtcNow().UtcDateTime;
        var exception = new PriceExceptionRecord
        {
            Sku = variant.Sku, Channel = channel, LocationCode = location, PriceMinor = price.Value.Minor, Currency = price.Value.Currency,
            Reason = request.Reason!.Trim(), ScopeKey = scopeKey, CreatedAt = at,
        };
        db.PriceExceptions.Add(exception);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            return Duplicate(scopeKey);
        }
        finally
        {
            cache.Invalidate();
        }
        return TypedResults.Created($"/api/v1/pricing/exceptions/{exception.Id}", exception.ToDetails());
    }

    private static ProblemHttpResult Duplicate(string scopeKey) =>
        Problems.Conflict("duplicate", $"A price exception for '{scopeKey}' (sku|channel|location) already exists.");
}
