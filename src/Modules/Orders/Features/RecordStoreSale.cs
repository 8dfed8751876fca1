using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Omni.Common;
using Omni.Common.Data;
using Omni.Common.Errors;
using Omni.Common.Validation;
using Omni.Contracts;
using Omni.Contracts.Catalog;
using Omni.Contracts.Customers;
using Omni.Contracts.Identity;
using Omni.Contracts.Inventory;
using Omni.Contracts.Locations;
using Omni.Contracts.Orders;
using Omni.Contracts.Payments;
using Omni.Contracts.Pricing;
using Omni.Orders.Data;
using Omni.Orders.Domain;

namespace Omni.Orders.Features;

public sealed record StoreSaleLine(string Sku, int Quantity, MoneyDto? UnitPrice);

// Payment is the tender taken at the till; cash when the till does not say. Coupons: codes the till accepted; a code over
// its limit (the till was offline) is recorded and flagged, never refused.
// CustomerId: the profile the till identified (a scanned loyalty card looked up first); else the customer's e-mail or phone resolves it.
public sealed record RecordStoreSaleRequest(DateTime? OccurredAt, List<StoreSaleLine>? Lines, CustomerInput? Customer, PaymentInput? Payment = null,
    List<string>? Coupons = null, Guid? CustomerId = null);

/// <summary>
/// A sale at the till is a fact: it is recorded as a completed store order and takes stock off hand at once, even
/// below zero — never refused for stock. Offline POS devices replay queued sales later with their original keys and times.
/// </summary>
internal static class RecordStoreSale
{
    // Tills' clocks drift; a sale a few minutes "in the future" is a clock, not a forgery.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/stores/{locationCode}/sales", Handle).WithName(nameof(RecordStoreSale)).WithTags("Orders")
            .RequireAuthorization(Scopes.Policy(Scopes.Orders));

    internal static async Task<IResult> Handle(string locationCode, RecordStoreSaleRequest request, HttpRequest http, ClaimsPrincipal user,
        OrdersDbContext db, DbSession session, ICatalogLookup catalog, ILocationDirectory directory, IStockFacts stock,
        IPricing pricing, IPayments payments, TimeProvider clock, CancellationToken ct, ICustomerDirectory? customers = null)
    {
        // Pages call this handler in process and may leave the directory out; the request's services always have it.
        customers ??= http.HttpContext.RequestServices.GetRequiredService<ICustomerDirectory>();
        locationCode = locationCode.ToUpperInvariant();
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new Validator();
        var prices = Validate(request, now, errors);
        if (!errors.IsValid) return errors.ToProblem();
        var locations = await directory.AllAsync(ct);
        if (!locations.ContainsKey(locationCode)) return Problems.NotFound("Location", locationCode);
        if (!user.MayActFor(locationCode)) return Problems.ForStoreOnly(user.BoundStore());

        var lines = request.Lines!;
        var variants = await catalog.FindVariantsAsync(lines.Select(l => l.Sku).Distinct().ToList(), ct);
        for (var i = 0; i < lines.Count; i++)
            if (!variants.ContainsKey(lines[i].Sku)) errors.Add($"lines[{i}].sku", $"SKU '{lines[i].Sku}' does not exist.");
        if (!errors.IsValid) return errors.ToProblem();

        var (idempotency, badKey) = Idempotency.From(http, user.CallerId(), $"{nameof(RecordStoreSale)}:{locationCode}", request);
        if (badKey is not null) return badKey;
        if (idempotency is not null && await idempotency.ReplayAsync(db, ct) is { } replay) return replay;

        var occurredAt = request.OccurredAt?.ToUniversalTime() ?? now;
        var order = new Order
        {
            Channel = SalesChannel.Store, Currency = prices[0].Currency, PlacedAt = occurredAt, PlacedBy = user.Actor(),
            CustomerEmail = OrderInput.Normalize(request.Customer?.Email), CustomerName = request.Customer?.Name, CustomerPhone = request.Customer?.Phone,
        };
        for (var i = 0; i < lines.Count; i++)
        {
            var variant = variants[lines[i].Sku];
            order.AddLine(variant.Sku, variant.ProductCode, variant.Name, lines[i].Quantity, prices[i], FulfillmentMethod.CarryOut, locationCode)
                .Allocate(locationCode, lines[i].Quantity);
        }
        order.CompleteAtTill(occurredAt);

        IResult? refused = null;
        try
        {
            await session.InTransactionAsync(async () =>
            {
                (var customerId, refused) = await OrderCustomers.ResolveAsync(customers, request.CustomerId, request.Customer, ct);
                if (refused is not null) throw new SaleRefused();
                order.BelongsTo(customerId);
                // Promotions and coupons apply to the till's prices; only a code that does not exist refuses the sale.
                refused = await PricedThroughEngine.PriceAsync(pricing, order, variants, request.Coupons, null, locations, atTill: true, ct);
                if (refused is not null) throw new SaleRefused();
                order.AssignNumber(await OrderNumbers.NextAsync(db, ct));
                await stock.RecordAsync(order.Lines.Select(l => new StockFact(locationCode, l.Sku, -l.Quantity, "sale", order.Number)).ToList(), user.Actor(), occurredAt, ct);
                db.Orders.Add(order);
                await payments.RecordTillPaymentAsync(order.Id, order.Total, request.Payment?.ToTender() ?? new PaymentTender("cash", null), order.CustomerEmail, ct);
                db.Fulfillments.AddRange(Fulfillment.CarriedOut(order, occurredAt));
                idempotency?.Remember(db, order.Id, now);
                db.Publish(new OrderPlaced(order.Id, order.Number, "store", order.Total.ToDto(), order.CustomerEmail,
                    order.Lines.Select(l => new OrderLineSummary(l.Sku, l.Quantity, OrderMapping.Method(l.Method),
                        new Dictionary<string, int> { [locationCode] = l.Quantity })).ToList(), order.CustomerPhone, order.CustomerName, order.CustomerId), now);
                await db.SaveChangesAsync(ct);
                return true;
            }, ct);
        }
        catch (DbUpdateException e) when (idempotency is not null && UniqueViolation.Is(e))
        {
            if (await idempotency.ReplayAsync(db, ct) is { } concurrentReplay) return concurrentReplay;
            throw;
        }
        catch (SaleRefused)
        {
            return refused!;
        }
        return TypedResults.Created($"/api/v1/orders/{order.Id}", order.ToDetails());
    }

    /// <summary>Rolls the sale's transaction back when its coupon or its customer id does not exist.</summary>
    private sealed class SaleRefused : Exception;

    private static List<Money> Validate(RecordStoreSaleRequest request, DateTime now, Validator errors)
    {
        var prices = new List<Money>();
        if (request.OccurredAt is { } at && at.ToUniversalTime() > now + ClockSkew) errors.Add("occurredAt", "is in the future.");
        OrderInput.Customer(errors, request.Customer);
        OrderInput.Payment(errors, request.Payment, PaymentTender.AtTill, tokenRequired: false);
        PricedThroughEngine.ValidateCoupons(errors, request.Coupons);
        if (request.Lines is not { Count: > 0 }) { errors.Add("lines", "must contain at least one line."); return prices; }
        if (request.Lines.Count > OrderInput.MaxLines) { errors.Add("lines", $"must contain at most {OrderInput.MaxLines} lines."); return prices; }
        for (var i = 0; i < request.Lines.Count; i++)
        {
            var line = request.Lines[i];
            if (line is null) { errors.Add($"lines[{i}]", "is required."); continue; }
            errors.Code($"lines[{i}].sku", line.Sku);
            OrderInput.Quantity(errors, $"lines[{i}].quantity", line.Quantity);
            if (errors.Money($"lines[{i}].unitPrice", line.UnitPrice) is { } price) prices.Add(price);
        }
        if (errors.IsValid && prices.Select(p => p.Currency).Distinct().Count() > 1)
            errors.Add("lines", "must all be priced in one currency.");
        return prices;
    }
}
