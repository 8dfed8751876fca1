using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Errors;
using Omni.Common.Http;
using Omni.Common.Validation;
using Omni.Contracts.Identity;
using Omni.Returns.Data;
using Omni.Returns.Domain;

namespace Omni.Returns.Features.Requests;

public sealed record ReturnRequestPage(IReadOnlyList<ReturnRequestDetails> Items, string? Next);

/// <summary>
/// Return requests, newest first: a store's queue of expected returns (<c>locationCode</c>, <c>status=requested</c>), the
/// counter's look-up by code (also the scanned <c>omni-return:</c> text), or an order's requests. A store-bound key lists
/// its own store's only, except by code: a customer may bring a return to another store than the one they chose.
/// </summary>
internal static class ListReturnRequests
{
    private const string ScanPrefix = "omni-return:";

    public static RouteHandlerBuilder Map(RouteGroupBuilder requests) =>
        requests.MapGet("/", Handle).WithName(nameof(ListReturnRequests));

    internal static async Task<IResult> Handle(string? locationCode, string? status, string? code, Guid? orderId, string? after, int? limit,
        ClaimsPrincipal user, ReturnsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Validator();
        var take = limit ?? 50;
        errors.Range("limit", take, 1, 200);
        ReturnRequestStatus? wanted = null;
        if (status is not null)
        {
            if (ApiEnum.TryParse<ReturnRequestStatus>(status, out var parsed)) wanted = parsed;
            else errors.Add("status", "must be one of requested, received, cancelled, expired.");
        }
        var skip = 0;
        if (after is not null && (!int.TryParse(after, out skip) || skip < 0)) errors.Add("after", "is not a valid cursor.");
        if (!errors.IsValid) return errors.ToProblem();
        // The code is the customer's proof, as a pickup code is: whoever holds it finds the request, at whichever store it is brought.
        var location = locationCode?.Trim().ToUpperInvariant() ?? (string.IsNullOrWhiteSpace(code) ? user.BoundStore()?.ToUpperInvariant() : null);
        if (location is not null && !user.MayActFor(location)) return Problems.ForStoreOnly(user.BoundStore());

        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Requests.AsNoTracking().AsSplitQuery();
        if (location is not null) query = query.Where(r => r.LocationCode == location);
        if (orderId is { } order) query = query.Where(r => r.OrderId == order);
        if (code?.Trim() is { Length: > 0 } text)
        {
            var wantedCode = (text.StartsWith(ScanPrefix, StringComparison.OrdinalIgnoreCase) ? text[ScanPrefix.Length..] : text).ToUpperInvariant();
            query = query.Where(r => r.Code == wantedCode);
        }
        query = wanted switch
        {
            ReturnRequestStatus.Requested => query.Where(r => r.Status == ReturnRequestStatus.Requested && r.ExpiresAt > now),
            ReturnRequestStatus.Expired => query.Where(r => r.Status == ReturnRequestStatus.Requested && r.ExpiresAt <= now),
            { } s => query.Where(r => r.Status == s),
            null => query,
        };
        // An offset from the newest: a store's open requests are few; see docs/api.md (Known gaps).
        var rows = await query.OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id).Skip(skip).Take(take + 1).ToListAsync(ct);
        return TypedResults.Ok(new ReturnRequestPage(rows.Take(take).Select(r => r.ToDetails(now)).ToList(), rows.Count > take ? (skip + take).ToString() : null));
    }
}
