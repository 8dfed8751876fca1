using System.Globalization;
using System.Text;
using Omni.Common;
using Omni.Contracts.Orders;

namespace Omni.Notifications;

/// <summary>What a notification says: a subject (unused by SMS) and plain text.</summary>
internal sealed record Message(string Subject, string Body);

/// <summary>The texts customers receive, pure so they can be read and tested without sending anything.</summary>
internal static class Templates
{
    public static Message OrderConfirmation(string number, MoneyDto total, IReadOnlyList<OrderLineSummary> lines)
    {
        var body = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Thank you for your order {number}.")
            .AppendLine()
            .AppendLine("You ordered:");
        foreach (var line in lines) body.AppendLine(CultureInfo.InvariantCulture, $"  {line.Quantity} x {line.Sku} ({Method(line.Method)})");
        body.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Total: {Amount(total)}")
            .AppendLine().AppendLine("We will let you know when it is on its way or ready to collect.");
        return new($"Your order {number}", body.ToString());
    }

    public static Message ReadyForPickup(string number, string store, string pickupCode, DateTime expiresLocal) => new(
        $"Order {number} is ready for pickup",
        $"""
        Your order {number} is ready to collect at {store}.

        Show this pickup code at the counter: {pickupCode}

        We keep it for you until {When(expiresLocal)}.
        """ + "\n");

    public static Message PickupReminder(string number, string store, string pickupCode, DateTime expiresLocal) => new(
        $"Reminder: order {number} is waiting at {store}",
        $"""
        Your order {number} is still waiting for you at {store}.

        Pickup code: {pickupCode}

        Please collect it before {When(expiresLocal)}; after that it goes back on sale and your payment is released.
        """ + "\n");

    public static Message Shipped(string number, string? carrier, string? trackingNumber) => new(
        $"Order {number} is on its way",
        $"Your order {number} has shipped{(carrier is null ? "" : $" with {carrier}")}.\n\n"
        + (trackingNumber is null ? "A tracking number will follow when the carrier gives one.\n" : $"Tracking number: {trackingNumber}\n"));

    public static Message Refunded(string number, MoneyDto amount, bool toStoreCredit, Guid? storeCreditId) => new(
        $"Refund for order {number}",
        toStoreCredit
            ? $"We have added {Amount(amount)} to your store credit for order {number}.\n\nStore credit: {storeCreditId}\nYou can spend it online and in any of our stores.\n"
            : $"We have refunded {Amount(amount)} for order {number} to the way you paid.\n\nIt may take a few days to show on your statement.\n");

    /// <summary>An SMS: one short line, the code first.</summary>
    public static string ReadyForPickupSms(string number, string store, string pickupCode) =>
        $"Order {number} is ready at {store}. Pickup code: {pickupCode}";

    public static string Amount(MoneyDto money) =>
        money.Amount.ToString("F" + (Money.IsKnownCurrency(money.Currency) ? Money.ExponentOf(money.Currency) : 2), CultureInfo.InvariantCulture) + " " + money.Currency;

    private static string When(DateTime local) => local.ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    private static string Method(string method) => method switch
    {
        "ship" => "delivery",
        "pickup" => "pickup in store",
        "curbside" => "curbside pickup",
        "shipToStore" => "delivery to a store",
        "carryOut" => "taken in store",
        _ => method,
    };
}
