using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Omni.Common;
using Omni.Common.Data;
using Omni.Common.Errors;
using Omni.Common.Validation;
using Omni.Contracts.Identity;
using Omni.Contracts.Payments;
using Omni.Payments.Data;

namespace Omni.Payments.Features;

public sealed record RefundPaymentRequest(MoneyDto? Amount, RefundDestination? Destination, string? Reason);

/// <summary>
/// A refund outside a return (goodwill, a price adjustment) through the same contract returns use: never more than
/// was captured and not yet refunded, however many requests race. The Idempotency-Key makes a retry a no-op.
/// </summary>
internal static class RefundPayment
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder orders) =>
        orders.MapPost("/{id:guid}/payment/refunds", Handle).WithName(nameof(RefundPayment));

    internal static async Task<IResult> Handle(Guid id, RefundPaymentRequest request, HttpRequest http, ClaimsPrincipal user,
        IPayments payments, PaymentsDbContext db, DbSession session, CancellationToken ct)
    {
        var errors = new Validator();
        var amount = errors.Money("amount", request.Amount, allowZero: false);
        errors.Required("destination", request.Destination);
        if (request.Destination is { } destination) errors.Enum("destination", destination);
        errors.Required("reason", request.Reason, 400);
        var header = http.Headers["Idempotency-Key"].ToString();
        errors.Optional("Idempotency-Key", header);
        if (!errors.IsValid) return errors.ToProblem();

        // Scoped by caller like every Idempotency-Key; without one, each request is a refund of its own.
        var key = header.Length > 0 ? $"refund:{user.CallerId()}:{header}" : $"refund:{Guid.CreateVersion7()}";
        PaymentOutcome outcome;
        try
        {
            outcome = await session.InTransactionAsync(
                () => payments.RefundAsync(id, amount!.Value, request.Destination!.Value, request.Reason!.Trim(), key, ct), ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // The same key won a race on another order's payment.
            outcome = new PaymentOutcome(false, "idempotency_key_reused", null, null);
        }
        return outcome switch
        {
            { Succeeded: true } => TypedResults.Created($"/api/v1/orders/{id}/payment", await GetOrderPayment.LoadAsync(db, id, ct)),
            { Code: "no_payment" } => GetOrderPayment.NoPayment(id),
            { Code: "currency_mismatch" } => errors.Add("amount.currency", outcome.Message!).ToProblem(),
            { Code: "idempotency_key_reused" } => Problems.Problem(StatusCodes.Status422UnprocessableEntity, "idempotency_key_reused",
                "This Idempotency-Key was already used with a different request."),
            _ => Problems.Conflict(outcome.Code!, outcome.Code == "refund_exceeds_captured"
                ? "The refund is more than was captured and not yet refunded." : outcome.Message ?? "The refund was refused.",
                new Dictionary<string, object?> { ["declineCode"] = outcome.DeclineCode }),
        };
    }
}
