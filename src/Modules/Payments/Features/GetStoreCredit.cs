using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Omni.Common;
using Omni.Common.Errors;
using Omni.Payments.Data;

namespace Omni.Payments.Features;

public sealed record StoreCreditEntryDetails(Guid Id, string Kind, MoneyDto Amount, MoneyDto BalanceAfter, Guid? OrderId, DateTime CreatedAt);

/// <summary>A store credit: its balance (pay with it as tender <c>store_credit</c>, token = id) and every change of it.</summary>
public sealed record StoreCreditDetails(Guid Id, string? CustomerEmail, MoneyDto Balance, IReadOnlyList<StoreCreditEntryDetails> Entries,
    DateTime CreatedAt, DateTime UpdatedAt);

internal static class GetStoreCredit
{
    public static void Map(RouteGroupBuilder credits) =>
        credits.MapGet("/{id:guid}", Handle).WithName(nameof(GetStoreCredit));

    internal static async Task<IResult> Handle(Guid id, PaymentsDbContext db, CancellationToken ct)
    {
        var credit = await db.StoreCredits.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (credit is null) return Problems.NotFound("Store credit", id.ToString());
        var entries = await db.StoreCreditEntries.AsNoTracking().Where(e => e.StoreCreditId == id).ToListAsync(ct);
        Money Of(long minor) => new(minor, credit.Currency);
        return TypedResults.Ok(new StoreCreditDetails(credit.Id, credit.CustomerEmail, Of(credit.Balance).ToDto(),
            entries.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id)
                .Select(e => new StoreCreditEntryDetails(e.Id, PaymentMapping.Lower(e.Kind.ToString()), Of(Math.Abs(e.Delta)).ToDto(), Of(e.BalanceAfter).ToDto(), e.OrderId, e.CreatedAt)).ToList(),
            credit.CreatedAt, credit.UpdatedAt));
    }
}
