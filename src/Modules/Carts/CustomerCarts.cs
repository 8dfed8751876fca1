using Microsoft.EntityFrameworkCore;
using Omni.Carts.Data;
using Omni.Carts.Domain;
using Omni.Carts.Features;
using Omni.Contracts.Carts;

namespace Omni.Carts;

/// <summary>A customer's active cart for the customer 360: the same live view the shopper's devices read.</summary>
internal sealed class CustomerCarts(CartsDbContext db, CartView view) : ICustomerCarts
{
    public async Task<CustomerCart?> ActiveAsync(Guid customerId, CancellationToken ct)
    {
        var cart = await db.Carts.AsNoTracking().FirstOrDefaultAsync(c => c.CustomerId == customerId && c.Status == CartStatus.Active, ct);
        if (cart is null) return null;
        var details = await view.DetailsAsync(cart, ct);
        return new CustomerCart(details.Id, details.Channel, details.PreferredStore, details.CouponCodes,
            [.. details.Lines.Select(l => new CustomerCartLine(l.Sku, l.Name, l.Quantity, l.Total))], details.Total, details.UpdatedAt);
    }
}
