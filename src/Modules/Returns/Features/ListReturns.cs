using Microsoft.EntityFrameworkCore;
using Omni.Common.Validation;
using Omni.Returns.Data;

namespace Omni.Returns.Features;

public sealed record ReturnPage(IReadOnlyList<ReturnDetails> Items, string? Next);

/// <summary>Returns newest first, by order or by receiving location.</summary>
internal static class ListReturns
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder returns) =>
        returns.MapGet("/", Handle).WithName(nameof(ListReturns));

    internal static async Task<IResult> Handle(Guid? orderId, string? locationCode, string? after, int? limit, ReturnsDbContext db, CancellationToken ct)
    {
        var errors = new Validator();
        var take = limit ?? 50;
        errors.Range("limit", take, 1, 200);
        // An offset from the newest: returns of one order or one store are few; see docs/api.md (Known gaps).
        var skip = 0;
        if (after is not null && (!int.TryParse(after, out skip) || skip < 0)) errors.Add("after", "is not a valid cursor.");
        if (!errors.IsValid) return errors.ToProblem();

        var query = db.Returns.AsNoTracking().AsSplitQuery();
        if (orderId is { } order) query = query.Where(r => r.OrderId == order);
        if (locationCode?.ToUpperInvariant() is { } location) query = query.Where(r => r.LocationCode == location);
        var rows = await query.OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id).Skip(skip).Take(take + 1).ToListAsync(ct);
        return TypedResults.Ok(new ReturnPage(rows.Take(take).Select(r => r.ToDetails()).ToList(), rows.Count > take ? (skip + take).ToString() : null));
    }
}
