using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Omni.Contracts.Identity;
using Omni.Contracts.Locations;
using Omni.Contracts.Orders;
using Omni.Orders.Data;

namespace Omni.Orders.Features;

/// <summary>
/// The goods wait at the counter: a pickup code is issued (the customer gets it with <see cref="FulfillmentReadyForPickup"/>)
/// and the hold runs for the store's <c>pickupHoldDays</c>.
/// </summary>
internal static class ReadyForPickup
{
    // No 0/O, 1/I/L: read aloud at a counter or typed from a phone screen, these are never confused.
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private const int Length = 6;

    public static void Map(RouteGroupBuilder fulfillments) =>
        fulfillments.MapPost("/{id:guid}/ready", Handle).WithName(nameof(ReadyForPickup)).RequireAuthorization(Scopes.Policy(Scopes.Orders));

    internal static Task<IResult> Handle(Guid id, ClaimsPrincipal user, OrdersDbContext db, FulfillmentWork work, ILocationDirectory directory, CancellationToken ct, HttpRequest? http = null) =>
        work.RunAsync(new FulfillmentAction(id, nameof(ReadyForPickup), http), user,
            async (f, now) =>
            {
                var store = f.HandoverLocationCode ?? f.LocationCode;
                var holdDays = (await directory.AllAsync(ct))[store].PickupHoldDays;
                f.Ready(await NewCodeAsync(db, store, ct), now.AddDays(holdDays), now);
            },
            (f, order, now) =>
            {
                db.Publish(new FulfillmentReadyForPickup(f.Id, f.OrderId, f.OrderNumber, f.HandoverLocationCode!, f.PickupCode!, f.ExpiresAt!.Value, order.CustomerEmail), now);
                return Task.CompletedTask;
            }, ct);

    /// <summary>
    /// A code no open pickup of the store holds. 31^6 ≈ 887 million codes against a store's few hundred open pickups: a
    /// repeat is rare and simply drawn again; the unique index settles the (vanishing) case of two stores' threads drawing
    /// the same code at once.
    /// </summary>
    private static async Task<string> NewCodeAsync(OrdersDbContext db, string store, CancellationToken ct)
    {
        var taken = (await db.Fulfillments.Where(f => f.HandoverLocationCode == store && f.PickupCode != null).Select(f => f.PickupCode!).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        string code;
        do code = RandomNumberGenerator.GetString(Alphabet, Length);
        while (taken.Contains(code));
        return code;
    }
}
