using Omni.Common.Validation;
using Omni.Contracts.Orders;
using Omni.Contracts.Payments;
using Omni.Returns.Domain;

namespace Omni.Returns.Features;

// OrderLineId is needed only when the SKU is on several lines of the order.
public sealed record ReturnLineInput(string? Sku, int Quantity, ReturnCondition? Condition, string? Reason, Guid? OrderLineId);

public sealed record ExchangeFulfillmentInput(FulfillmentMethod? Method, string? LocationCode);

public sealed record ExchangeLineInput(string? Sku, int Quantity, ExchangeFulfillmentInput? Fulfillment);

/// <summary>The order placed in exchange: lines and address as in <c>POST /api/v1/orders</c>; the customer is the returned order's.</summary>
public sealed record ExchangeInput(List<ExchangeLineInput>? Lines, NewOrderAddress? ShippingAddress);

public sealed record CreateReturnRequest(Guid? OrderId, string? LocationCode, List<ReturnLineInput>? Lines, RefundDestination? RefundTo, ExchangeInput? Exchange);

/// <summary>The shape of a return request, checked before anything is read; the exchange's lines are checked by Orders.</summary>
internal static class ReturnInput
{
    public const int MaxLines = 100;
    public const int MaxQuantity = 10_000;

    public static Validator Validate(CreateReturnRequest request)
    {
        var errors = new Validator();
        errors.Required("orderId", request.OrderId);
        errors.Code("locationCode", request.LocationCode);
        if (request.Exchange is { } exchange && exchange.Lines is not { Count: > 0 })
            errors.Add("exchange.lines", "must contain at least one line.");
        if (request.Lines is not { Count: > 0 }) { errors.Add("lines", "must contain at least one line."); return errors; }
        if (request.Lines.Count > MaxLines) { errors.Add("lines", $"must contain at most {MaxLines} lines."); return errors; }
        for (var i = 0; i < request.Lines.Count; i++)
        {
            var line = request.Lines[i];
            if (line is null) { errors.Add($"lines[{i}]", "is required."); continue; }
            errors.Code($"lines[{i}].sku", line.Sku);
            errors.Range($"lines[{i}].quantity", line.Quantity, 1, MaxQuantity);
            if (line.Condition is null) errors.Add($"lines[{i}].condition", "is required: sellable, opened or damaged.");
            errors.Optional($"lines[{i}].reason", line.Reason, 200);
        }
        return errors;
    }

    /// <summary>The order line each input line names: by SKU, or by <c>orderLineId</c> when the SKU is on several lines.</summary>
    public static List<OrderLineSnapshot> Match<T>(IReadOnlyList<T> lines, Func<T, (string Sku, Guid? OrderLineId)> key, OrderSnapshot order, Validator errors)
    {
        var matched = new List<OrderLineSnapshot>();
        for (var i = 0; i < lines.Count; i++)
        {
            var (sku, orderLineId) = key(lines[i]);
            sku = sku.ToUpperInvariant();
            var candidates = order.Lines.Where(l => l.Sku == sku && (orderLineId is null || l.LineId == orderLineId)).ToList();
            if (candidates.Count == 1) { matched.Add(candidates[0]); continue; }
            if (orderLineId is not null) errors.Add($"lines[{i}].orderLineId", $"is not a line of order {order.Number} with SKU '{sku}'.");
            else if (candidates.Count == 0) errors.Add($"lines[{i}].sku", $"SKU '{sku}' was not bought with order {order.Number}.");
            else errors.Add($"lines[{i}].orderLineId", $"is required: SKU '{sku}' is on several lines of order {order.Number}.");
        }
        return matched;
    }
}
