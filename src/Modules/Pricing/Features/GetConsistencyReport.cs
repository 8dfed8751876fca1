using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Omni.Common;
using Omni.Contracts;
using Omni.Contracts.Catalog;
using Omni.Pricing.Data;

namespace Omni.Pricing.Features;

internal sealed record ConsistencyReport(int ExceptionCount, IReadOnlyList<ConsistencyItem> Exceptions);

/// <summary>One exception; <c>CatalogPrice</c> is null when the SKU has left the catalog since the exception was made.</summary>
internal sealed record ConsistencyItem(
    Guid Id, string Sku, SalesChannel? Channel, string? LocationCode, MoneyDto Price, MoneyDto? CatalogPrice, MoneyDto? Difference,
    string Reason, DateTime CreatedAt);

/// <summary>
/// "One cart prices the same everywhere" is checked here: since channel and store prices exist only as exception
/// records, listing those records is the complete list of every place a price differs from the price book.
/// </summary>
internal static class GetConsistencyReport
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder pricing) =>
        pricing.MapGet("/consistency", Handle).WithName(nameof(GetConsistencyReport))
            .WithSummary("Every channel or store price that differs from the price book, with its reason and the difference.");

    internal static async Task<Ok<ConsistencyReport>> Handle(PricingDbContext db, ICatalogLookup catalog, CancellationToken ct)
    {
        var exceptions = (await db.PriceExceptions.AsNoTracking().ToListAsync(ct)).InReportOrder().ToList();
        var variants = await catalog.FindVariantsAsync([.. exceptions.Select(e => e.Sku).Distinct()], ct);
        var items = exceptions.Select(e =>
        {
            var price = new Money(e.PriceMinor, e.Currency);
            var book = variants.TryGetValue(e.Sku, out var v) && v.Price.Currency == e.Currency ? v.Price : (Money?)null;
            var difference = book is { } b ? new Money(price.Minor - b.Minor, e.Currency).ToDto() : null;
            return new ConsistencyItem(e.Id, e.Sku, e.Channel, e.LocationCode, price.ToDto(), book?.ToDto(), difference, e.Reason, e.CreatedAt);
        }).ToList();
        return TypedResults.Ok(new ConsistencyReport(items.Count, items));
    }
}
