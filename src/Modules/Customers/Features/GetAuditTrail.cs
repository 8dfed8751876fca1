using Microsoft.EntityFrameworkCore;
using Omni.Customers.Data;

namespace Omni.Customers.Features;

public sealed record AuditLine(DateTime At, string Actor, string Action, string Detail);

public sealed record AuditTrail(IReadOnlyList<AuditLine> Items, string? Next);

/// <summary>Who read, exported, merged or erased a customer's personal data, newest first; also for erased and merged-away ids.</summary>
internal static class GetAuditTrail
{
    public const int Limit = 500;

    public static RouteHandlerBuilder Map(RouteGroupBuilder customers) =>
        customers.MapGet("/{id:guid}/audit", Handle).WithName(nameof(GetAuditTrail));

    internal static async Task<IResult> Handle(Guid id, CustomersDbContext db, CancellationToken ct)
    {
        var lines = await db.Audit.AsNoTracking().Where(a => a.CustomerId == id)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(Limit).ToListAsync(ct);
        return TypedResults.Ok(new AuditTrail(lines.Select(a => new AuditLine(a.At, a.Actor, a.Action, a.Detail)).ToList(), null));
    }
}
