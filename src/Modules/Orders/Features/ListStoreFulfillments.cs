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
/// filter, those still waiting for the store. A store-bound key sees only its own store's queue.
/// </summary>
internal static class ListStoreFulfillments
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/locations/{code}/fulfillments", Handle).WithName(nameof(ListStoreFulfillments)).WithTags("Fulfillment");

    internal static async Task<IResult> Handle(string code, string? status, string? after, int? limit, ClaimsPrincipal user,
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
        if (!errors.IsValid) return errors.ToProblem();
        if (!(await directory.AllAsync(ct)).ContainsKey(code)) return Problems.NotFound("Location", code);
        if (!user.MayActFor(code)) return Problems.ForStoreOnly(user.BoundStore());

        if (statuses.Count == 0) statuses.AddRange(Fulfillment.Waiting);
        var query = db.Fulfillments.AsNoTracking().Where(f => (f.LocationCode == code || f.HandoverLocationCode == code) && statuses.Contains(f.Status));
        if (cursor is { } last) query = query.Where(f => f.Id.CompareTo(last) > 0);
        var page = await query.OrderBy(f => f.Id).Take(take + 1).ToListAsync(ct);
        var items = page.Take(take).ToList();
        return TypedResults.Ok(new FulfillmentList([.. items.Select(f => f.ToDetails(user))], page.Count > take ? items[^1].Id.ToString() : null));
    }
}
