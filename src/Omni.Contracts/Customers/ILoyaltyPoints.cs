using Omni.Common;

namespace Omni.Contracts.Customers;

/// <summary>The outcome of a redemption.</summary>
/// <param name="Succeeded">False when the balance was too low (nothing was taken).</param>
/// <param name="Balance">The balance after the call.</param>
public sealed record RedemptionOutcome(bool Succeeded, long Balance);

/// <summary>
/// Loyalty points for pricing and carts: redeeming points as a discount is a pricing decision; this only keeps the
/// balance. Runs in the caller's transaction when one is open, so a checkout that rolls back gives the points back.
/// </summary>
public interface ILoyaltyPoints
{
    /// <summary>Points the customer may redeem now (0 for an unknown customer).</summary>
    Task<long> BalanceAsync(Guid customerId, CancellationToken ct);

    /// <summary>
    /// Takes <paramref name="points"/> off the balance, atomically: two redemptions can never spend the same points.
    /// <paramref name="reference"/> (e.g. the order id) makes a retry a no-op that answers as the first call did.
    /// </summary>
    Task<RedemptionOutcome> RedeemAsync(Guid customerId, long points, string reference, CancellationToken ct);

    /// <summary>What <paramref name="points"/> are worth as a discount in <paramref name="currency"/>.</summary>
    Money ValueOf(long points, string currency);
}
