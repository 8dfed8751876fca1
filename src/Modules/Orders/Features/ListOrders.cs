using Omni.Common.Http;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Validation;
using Omni.Contracts;
using Omni.Orders.Data;
using Omni.Orders.Domain;

namespace Omni.Orders.Features;

public sealed record OrderPage(IReadOnlyList<OrderDetails> Items, string? Next);

/// <summary>Orders from every channel, newest first, filtered for the console and integrators.</summary>
internal static class ListOrders
{
    public static void Map(RouteGroupBuilder orders) =>
        orders.MapGet("/", Handle).WithName(nameof(ListOrders));

    internal static async Task<IResult> Handle(string? channel, string? status, string? email, string? location, string? sku,
        DateTime? placedFrom, DateTime? placedTo, string? after, int? limit, OrdersDbContext db, CancellationToken ct, string? customerId = null)
    {
        var errors = new Validator();
        var take = limit ?? 50;
        errors.Range("limit", take, 1, 200);
        SalesChannel? salesChannel = null;
        if (channel is not null)
        {
            if (SalesChannels.TryParse(channel, out var parsed)) salesChannel = parsed;
            else errors.Add("channel", "must be one of web, app, store, social, marketplace, callcenter.");
        }
        OrderStatus? orderStatus = null;
        if (status is not null)
        {
            if (ApiEnum.TryParse<OrderStatus>(status, out var parsed)) orderStatus = parsed;
            else errors.Add("status", "must be one of accepted, fulfilling, completed, cancelled.");
        }
        long? cursor = null;
        if (after is not null)
        {
            if (long.TryParse(after, out var parsed) && parsed > 0) cursor = parsed;
            else errors.Add("after", "is not a valid cursor.");
        }
        Guid? customer = null;
        if (customerId is not null)
        {
            if (Guid.TryParse(customerId, out var parsed)) customer = parsed;
            else errors.Add("customerId", "is not a customer id.");
        }
        if (!errors.IsValid) return errors.ToProblem();

        var query = db.Orders.AsNoTracking().AsSplitQuery();
        if (salesChannel is { } c) query = query.Where(o => o.Channel == c);
        if (orderStatus is { } s) query = query.Where(o => o.Status == s);
        if (OrderInput.Normalize(email) is { } e) query = query.Where(o => o.CustomerEmail == e);
        if (customer is { } owner) query = query.Where(o => o.CustomerId == owner);
        if (location?.ToUpperInvariant() is { } l) query = query.Where(o => o.Lines.Any(x => x.LocationCode == l || x.Allocations.Any(a => a.LocationCode == l)));
        if (sku?.ToUpperInvariant() is { } code) query = query.Where(o => o.Lines.Any(x => x.Sku == code));
        if (placedFrom is { } from) { var f = from.ToUniversalTime(); query = query.Where(o => o.PlacedAt >= f); }
        if (placedTo is { } to) { var t = to.ToUniversalTime(); query = query.Where(o => o.PlacedAt < t); }
        if (cursor is { } before) query = query.Where(o => o.SequenceNumber < before);

        var page = await query.OrderByDescending(o => o.SequenceNumber).Take(take + 1).ToListAsync(ct);
        var items = page.Take(take).ToList();
        return TypedResults.Ok(new OrderPage(items.Select(o => o.ToDetails()).ToList(),
            page.Count > take ? items[^1].SequenceNumber.ToString() : null));
    }
}
