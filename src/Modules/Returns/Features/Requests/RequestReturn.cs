using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;
using Omni.Common.Errors;
using Omni.Common.Validation;
using Omni.Contracts.Catalog;
using Omni.Contracts.Identity;
using Omni.Contracts.Locations;
using Omni.Contracts.Orders;
using Omni.Contracts.Payments;
using Omni.Contracts.Returns;
using Omni.Returns.Data;
using Omni.Returns.Domain;

namespace Omni.Returns.Features.Requests;

// OrderLineId is needed only when the SKU is on several lines of the order.
public sealed record RequestedLineInput(string? Sku, int Quantity, string? Reason, Guid? OrderLineId);

public sealed record NewReturnRequest(Guid? OrderId, string? LocationCode, List<RequestedLineInput>? Lines, RefundDestination? RefundTo);

/// <summary>
/// A customer starts a return online: these units of one of their orders (any channel), brought to the store they chose.
/// Judged against the return policy now (final sale, window); the units must still be returnable, counting those already
/// back and those of other open requests. Nothing moves yet: the store expects the goods, and receiving them
/// (<see cref="ReceiveReturnRequest"/>) makes the return. The request lapses when the earliest window of its lines closes.
/// </summary>
internal static class RequestReturn
{
    // 31^8 ≈ 850 billion codes, no 0/O or 1/I/L to misread at the counter.
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private const int CodeLength = 8;

    public static RouteHandlerBuilder Map(RouteGroupBuilder requests) =>
        requests.MapPost("/", Handle).WithName(nameof(RequestReturn));

    internal static async Task<IResult> Handle(NewReturnRequest request, HttpRequest http, ClaimsPrincipal user, ReturnsDbContext db,
        IOrderLookup orders, ICatalogLookup catalog, ILocationDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var errors = Validate(request);
        if (!errors.IsValid) return errors.ToProblem();
        var locationCode = request.LocationCode!.ToUpperInvariant();
        if ((await ReturnDesk.ReturnLocationAsync(locationCode, errors, directory, user, ct)).Refused is { } badLocation) return badLocation;

        var (idempotency, badKey) = Idempotency.From(http, user.CallerId(), nameof(RequestReturn), request);
        if (badKey is not null) return badKey;
        if (idempotency is not null && await ReplayAsync(idempotency, db, clock, ct) is { } replay) return replay;

        var order = await orders.FindAsync(request.OrderId!.Value, ct);
        if (order is null) return Problems.NotFound("Order", request.OrderId.Value.ToString());
        if (order.Status == "cancelled")
            return Problems.Conflict("order_not_returnable", $"Order {order.Number} was cancelled; nothing of it can be returned.");
        var orderLines = ReturnInput.Match(request.Lines!, l => (l.Sku!, l.OrderLineId), order, errors);
        for (var i = 0; i < orderLines.Count; i++)
            if (orderLines.FindIndex(l => l.LineId == orderLines[i].LineId) != i)
                errors.Add($"lines[{i}]", "returns the same order line as an earlier line; give its whole quantity once.");
        if (!errors.IsValid) return errors.ToProblem();

        var now = clock.GetUtcNow().UtcDateTime;
        if (await UnavailableAsync(db, order, orderLines, request.Lines!, now, ct) is { } exceeds) return exceeds;

        var (policy, _) = await ReturnPolicies.LoadAsync(db, ct);
        var variants = await catalog.FindVariantsAsync(orderLines.Select(l => l.Sku).Distinct().ToList(), ct);
        var receivedAt = order.HandedOverAt ?? order.PlacedAt;
        var expiresAt = DateTime.MaxValue;
        for (var i = 0; i < orderLines.Count; i++)
        {
            var (sku, category) = (orderLines[i].Sku, variants.GetValueOrDefault(orderLines[i].Sku)?.Category ?? "");
            if (ReturnRules.Refusal(policy, sku, category, receivedAt, now) is { } refused)
                return Problems.Conflict(refused.RefusalCode!, refused.Detail!, new Dictionary<string, object?> { ["sku"] = sku, ["line"] = i });
            var closes = receivedAt.AddDays(ReturnRules.WindowDays(policy, category));
            if (closes < expiresAt) expiresAt = closes;
        }

        var returnRequest = new ReturnRequest
        {
            Code = await NewCodeAsync(db, ct), OrderId = order.OrderId, OrderNumber = order.Number, LocationCode = locationCode,
            RefundTo = request.RefundTo ?? RefundDestination.OriginalTender, CustomerEmail = order.Customer.Email, CustomerName = order.Customer.Name,
            RequestedAt = now, RequestedBy = user.Actor(), ExpiresAt = expiresAt,
        };
        for (var i = 0; i < orderLines.Count; i++)
            returnRequest.AddLine(orderLines[i].LineId, orderLines[i].Sku, orderLines[i].Name, request.Lines![i].Quantity, request.Lines[i].Reason);
        db.Requests.Add(returnRequest);
        idempotency?.Remember(db.IdempotencyKeys, returnRequest.Id, now);
        db.Publish(new ReturnRequested(returnRequest.Id, returnRequest.Code, order.OrderId, order.Number, locationCode,
            returnRequest.Lines.Select(l => new ReturnRequestLineSummary(l.Sku, l.Quantity)).ToList(), expiresAt, order.Customer.Email), now);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (idempotency is not null && UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            if (await ReplayAsync(idempotency, db, clock, ct) is { } concurrentReplay) return concurrentReplay;
            throw;
        }
        return TypedResults.Created($"/api/v1/returns/requests/{returnRequest.Id}", returnRequest.ToDetails(now));
    }

    private static Validator Validate(NewReturnRequest request)
    {
        var errors = new Validator();
        errors.Required("orderId", request.OrderId);
        errors.Code("locationCode", request.LocationCode);
        if (request.RefundTo is { } refundTo) errors.Enum("refundTo", refundTo);
        if (request.Lines is not { Count: > 0 }) return errors.Add("lines", "must contain at least one line.");
        if (request.Lines.Count > ReturnInput.MaxLines) return errors.Add("lines", $"must contain at most {ReturnInput.MaxLines} lines.");
        for (var i = 0; i < request.Lines.Count; i++)
        {
            var line = request.Lines[i];
            if (line is null) { errors.Add($"lines[{i}]", "is required."); continue; }
            errors.Code($"lines[{i}].sku", line.Sku);
            errors.Range($"lines[{i}].quantity", line.Quantity, 1, ReturnInput.MaxQuantity);
            errors.Optional($"lines[{i}].reason", line.Reason, 200);
        }
        return errors;
    }

    /// <summary>
    /// A 409 when a line asks for more than is still returnable: bought, less what came back, less what other open
    /// requests already promise. A read, not a claim: receiving counts the units again with the conditional upsert.
    /// </summary>
    private static async Task<IResult?> UnavailableAsync(ReturnsDbContext db, OrderSnapshot order, List<OrderLineSnapshot> orderLines,
        List<RequestedLineInput> lines, DateTime now, CancellationToken ct)
    {
        var returned = await db.ReturnedQuantities.AsNoTracking().Where(q => q.OrderId == order.OrderId).ToDictionaryAsync(q => q.OrderLineId, q => q.Returned, ct);
        var promised = (await db.Requests.AsNoTracking()
                .Where(r => r.OrderId == order.OrderId && r.Status == ReturnRequestStatus.Requested && r.ExpiresAt > now)
                .SelectMany(r => r.Lines).Select(l => new { l.OrderLineId, l.Quantity }).ToListAsync(ct))
            .GroupBy(l => l.OrderLineId).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
        for (var i = 0; i < orderLines.Count; i++)
        {
            var line = orderLines[i];
            var returnable = line.Quantity - returned.GetValueOrDefault(line.LineId) - promised.GetValueOrDefault(line.LineId);
            if (lines[i].Quantity > returnable)
                return Problems.Conflict("quantity_exceeds_purchased",
                    $"{lines[i].Quantity} × {line.Sku} cannot be returned: {line.Quantity} were bought and only {Math.Max(0, returnable)} are still returnable (the rest came back or is on another open return).",
                    new Dictionary<string, object?> { ["sku"] = line.Sku, ["orderLineId"] = line.LineId, ["bought"] = line.Quantity, ["returnable"] = Math.Max(0, returnable) });
        }
        return null;
    }

    /// <summary>A code no request holds; a repeat is vanishingly rare and simply drawn again (the unique index backs this).</summary>
    private static async Task<string> NewCodeAsync(ReturnsDbContext db, CancellationToken ct)
    {
        string code;
        do code = RandomNumberGenerator.GetString(Alphabet, CodeLength);
        while (await db.Requests.AnyAsync(r => r.Code == code, ct));
        return code;
    }

    private static Task<IResult?> ReplayAsync(Idempotency idempotency, ReturnsDbContext db, TimeProvider clock, CancellationToken ct) =>
        idempotency.ReplayAsync(db.IdempotencyKeys, async id => TypedResults.Created($"/api/v1/returns/requests/{id}",
            (await db.Requests.AsNoTracking().FirstAsync(r => r.Id == id, ct)).ToDetails(clock.GetUtcNow().UtcDateTime)), ct);
}
