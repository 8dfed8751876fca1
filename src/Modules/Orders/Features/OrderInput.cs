using System.Text.RegularExpressions;
using Omni.Common.Validation;
using Omni.Contracts.Orders;
using Omni.Contracts.Payments;

namespace Omni.Orders.Features;

/// <summary>Validation shared by every way an order comes in (API order, store sale).</summary>
internal static partial class OrderInput
{
    public const int MaxLines = 100;
    public const int MaxQuantity = 10_000;

    public static void Customer(Validator errors, CustomerInput? customer)
    {
        if (customer is null) return;
        errors.Optional("customer.name", customer.Name, 200);
        if (customer.Email is { } email && (email.Length > 254 || !EmailPattern().IsMatch(email)))
            errors.Add("customer.email", "must be an e-mail address.");
        if (customer.Phone is { } phone && !PhonePattern().IsMatch(phone))
            errors.Add("customer.phone", "must be a phone number, e.g. +33600000000.");
    }

    public static void Address(Validator errors, string field, AddressInput address) =>
        errors.Address(field, address.Line1, address.Line2, address.City, address.PostalCode, address.Country, address.Latitude, address.Longitude);

    public static void Payment(Validator errors, PaymentInput? payment, IReadOnlyList<string> types, bool tokenRequired)
    {
        if (payment is null) return;
        if (payment.Type is null || !types.Contains(payment.Type)) errors.Add("payment.type", $"must be one of: {string.Join(", ", types)}.");
        if (tokenRequired || payment.Type == "store_credit") errors.Required("payment.token", payment.Token);
        else errors.Optional("payment.token", payment.Token);
    }

    public static void Quantity(Validator errors, string field, int quantity) => errors.Range(field, quantity, 1, MaxQuantity);

    public static string? Normalize(string? email) => email?.Trim().ToLowerInvariant();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9 ().-]{6,32}$")]
    private static partial Regex PhonePattern();
}
