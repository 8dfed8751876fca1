using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Errors;
using Omni.Common.Validation;
using Omni.Contracts.Identity;
using Omni.Contracts.Locations;
using Omni.Orders.Data;
using Omni.Orders.Domain;

namespace Omni.Orders.Features;

/// <summary>
/// A store's work queue: fulfillments it picks or hands over, oldest first (first in, first served). Without a status
/// filter, those still waiting for the store. A store-bound key sees only its own store's queue. <c>q</c> finds the
/// fulfillments a customer at the counter asks for: by the pickup code they show, their order number, or a piece of
/// their name.
/// </summary>
internal static class ListStoreFulfillments
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/locations/{code}/fulfillments", Handle).WithName(nameof(ListStoreFulfillments)).WithTags("Fulfillment");

    internal static async Task<IResult> Handle(string code, string? status, string? q, string? after, int? limit, ClaimsPrincipal user,
        OrdersDbContext db, ILocationDirectory directory, CancellationToken ct)
    {
        code = code.ToUpperInvariant();
        var errors = new Validator();
        var take = limit ?? 50;
        errors.Range("limit", take, 1, 200);
        var statuses = new List<FulfillmentStatus>();
        foreach (var name in (status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Wire.TryParse(name, out var parsed)) statuses.Add(parsed);
            else errors.Add("status", $"'{name}' is not a status: {string.Join(", ", Enum.GetValues<FulfillmentStatus>().Select(Wire.Of))}.");
        }
        Guid? cursor = null;
        if (after is not null)
        {
            if (Guid.TryParse(after, out var parsed)) cursor = parsed;
            else errors.Add("after", "is not a valid cursor.");
        }
        var term = q?.Trim();
        if (term is not null && term.Length is < 2 or > 100) errors.Add("q", "must be 2 to 100 characters.");
        if (!errors.IsValid) return errors.ToProblem();
        if (!(await directory.AllAsync(ct)).ContainsKey(code)) return Problems.NotFound("Location", code);
        if (!user.MayActFor(code)) return Problems.ForStoreOnly(user.BoundStore());

        if (statuses.Count == 0) statuses.AddRange(Fulfillment.Waiting);
        var query = db.Fulfillments.AsNoTracking().Where(f => (f.LocationCode == code || f.HandoverLocationCode == code) && statuses.Contains(f.Status));
        if (term is not null) query = Matching(query, db, term);
        if (cursor is { } last) query = query.Where(f => f.Id.CompareTo(last) > 0);
        var page = await query.OrderBy(f => f.Id).Take(take + 1).ToListAsync(ct);
        var items = page.Take(take).ToList();
        return TypedResults.Ok(new FulfillmentList([.. items.Select(f => f.ToDetails(user))], page.Count > take ? items[^1].Id.ToString() : null));
    }

    private static IQueryable<Fulfillment> Matching(IQueryable<Fulfillment> query, OrdersDbContext db, string term)
    {
        var upper = term.ToUpperInvariant();
        var pattern = "%" + term.ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        var named = db.Orders.Where(o => o.CustomerName != null && EF.Functions.Like(o.CustomerName.ToLower(), pattern, "\\")).Select(o => o.Id);
        return query.Where(f => f.PickupCode == upper || f.OrderNumber == upper || named.Contains(f.OrderId));
    }
}
