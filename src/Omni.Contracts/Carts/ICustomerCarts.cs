using Omni.Common;

namespace Omni.Contracts.Carts;

/// <summary>A line of a customer's cart, priced now.</summary>
/// <param name="Sku">SKU.</param>
/// <param name="Name">Variant name.</param>
/// <param name="Quantity">Units.</param>
/// <param name="Total">What the line costs now, promotions and the cart's coupons applied.</param>
public sealed record CustomerCartLine(string Sku, string Name, int Quantity, MoneyDto Total);

/// <summary>A customer's active cart as every device sees it now.</summary>
/// <param name="CartId">The cart.</param>
/// <param name="Channel">The channel it prices for.</param>
/// <param name="PreferredStore">The store chosen for pickup, if any.</param>
/// <param name="CouponCodes">Coupon codes held on the cart.</param>
/// <param name="Lines">The lines, in the order they were added.</param>
/// <param name="Total">What checkout would cost now; null for an empty cart without a currency.</param>
/// <param name="UpdatedAt">When the cart last changed.</param>
public sealed record CustomerCart(Guid CartId, SalesChannel Channel, string? PreferredStore, IReadOnlyList<string> CouponCodes,
    IReadOnlyList<CustomerCartLine> Lines, MoneyDto? Total, DateTime UpdatedAt);

/// <summary>Carts for other modules (the customer 360).</summary>
public interface ICustomerCarts
{
    /// <summary>The customer's one active cart, priced now; null when there is none.</summary>
    Task<CustomerCart?> ActiveAsync(Guid customerId, CancellationToken ct);
}
