using System.Security.Claims;
using Omni.Common.Data;
using Omni.Common.Errors;
using Omni.Common.Validation;
using Omni.Contracts.Identity;
using Omni.Contracts.Payments;
using Omni.Returns.Data;
using Omni.Returns.Domain;

namespace Omni.Returns.Features.Requests;

// What the associate counted: at most the requested units of each line (fewer when the customer brought fewer), and their condition.
public sealed record ReceivedLineInput(string? Sku, int Quantity, ReturnCondition? Condition, Guid? OrderLineId);

// LocationCode: where the goods came in, when not at the store the customer chose.
public sealed record ReceiveReturnInput(List<ReceivedLineInput>? Lines, RefundDestination? RefundTo, string? LocationCode);

/// <summary>
/// The store receives a return started online: the counted lines become a return through <see cref="ReturnDesk"/>, the
/// same path as a return at the counter (disposition, stock, refund), and the request is closed in that transaction.
/// </summary>
internal static class ReceiveReturnRequest
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder requests) =>
        requests.MapPost("/{id:guid}/receive", Handle).WithName(nameof(ReceiveReturnRequest));

    internal static async Task<IResult> Handle(Guid id, ReceiveReturnInput input, HttpRequest http, ClaimsPrincipal user, ReturnsDbContext db,
        ReturnDesk desk, CancellationToken ct)
    {
        var expected = await db.Requests.FindAsync([id], ct);
        if (expected is null) return Problems.NotFound("Return request", id.ToString());
        var errors = new Validator();
        if (input.LocationCode is not null) errors.Code("locationCode", input.LocationCode);
        if (input.RefundTo is { } refundTo) errors.Enum("refundTo", refundTo);
        var lines = Lines(expected, input.Lines, errors);
        if (!errors.IsValid) return errors.ToProblem();

        var (idempotency, badKey) = Idempotency.From(http, user.CallerId(), nameof(ReceiveReturnRequest), new { id, input });
        if (badKey is not null) return badKey;
        return await desk.ReceiveAsync(new CreateReturnRequest(expected.OrderId, input.LocationCode ?? expected.LocationCode, lines,
            input.RefundTo ?? expected.RefundTo, Exchange: null), idempotency, user, expected, ct);
    }

    /// <summary>Each counted line as a return line of the request's order line, with the reason the customer gave.</summary>
    private static List<ReturnLineInput> Lines(ReturnRequest expected, List<ReceivedLineInput>? counted, Validator errors)
    {
        if (counted is not { Count: > 0 }) { errors.Add("lines", "must contain at least one line: what the customer brought."); return []; }
        if (counted.Count > ReturnInput.MaxLines) { errors.Add("lines", $"must contain at most {ReturnInput.MaxLines} lines."); return []; }
        var lines = new List<ReturnLineInput>();
        var seen = new HashSet<Guid>();
        for (var i = 0; i < counted.Count; i++)
        {
            var line = counted[i];
            if (line is null) { errors.Add($"lines[{i}]", "is required."); continue; }
            if (line.Condition is null) errors.Add($"lines[{i}].condition", "is required: sellable, opened or damaged.");
            else errors.Enum($"lines[{i}].condition", line.Condition.Value);
            if (!errors.Code($"lines[{i}].sku", line.Sku)) continue;
            var matches = expected.Lines.Where(l => string.Equals(l.Sku, line.Sku, StringComparison.OrdinalIgnoreCase) && (line.OrderLineId is null || l.OrderLineId == line.OrderLineId)).ToList();
            if (matches.Count != 1)
            {
                errors.Add(matches.Count == 0 ? $"lines[{i}].sku" : $"lines[{i}].orderLineId",
                    matches.Count == 0 ? $"is not on return {expected.Code}." : "is required: the SKU is on several lines of the return.");
                continue;
            }
            var requested = matches[0];
            errors.Range($"lines[{i}].quantity", line.Quantity, 1, requested.Quantity);
            if (!seen.Add(requested.OrderLineId)) errors.Add($"lines[{i}]", "counts the same line as an earlier line.");
            lines.Add(new ReturnLineInput(requested.Sku, line.Quantity, line.Condition, requested.Reason, requested.OrderLineId));
        }
        return lines;
    }
}
