using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Errors;
using Omni.Payments.Data;

namespace Omni.Payments.Features;

internal static class GetOrderPayment
{
    public static void Map(RouteGroupBuilder orders) =>
        orders.MapGet("/{id:guid}/payment", Handle).WithName(nameof(GetOrderPayment));

    internal static async Task<IResult> Handle(Guid id, PaymentsDbContext db, CancellationToken ct) =>
        await LoadAsync(db, id, ct) is { } details ? TypedResults.Ok(details) : NoPayment(id);

    public static async Task<PaymentDetails?> LoadAsync(PaymentsDbContext db, Guid orderId, CancellationToken ct)
    {
        var payment = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.OrderId == orderId, ct);
        if (payment is null) return null;
        var transactions = await db.Transactions.AsNoTracking().Where(t => t.PaymentId == payment.Id).ToListAsync(ct);
        return payment.ToDetails(transactions);
    }

    // Payments cannot tell an unknown order from one placed without payment (a call-center invoice): both have none here.
    public static IResult NoPayment(Guid orderId) =>
        Problems.Problem(StatusCodes.Status404NotFound, "not_found", $"Order '{orderId}' has no payment.");
}
