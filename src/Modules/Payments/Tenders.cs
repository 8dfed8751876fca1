namespace Omni.Payments;

/// <summary>Tender types (<c>PaymentTender.Type</c>) and who holds the money for each.</summary>
internal static class Tenders
{
    public const string Card = "card";
    public const string Wallet = "wallet";
    public const string StoreCredit = "store_credit";

    /// <summary>Taken at a store's till: Omni records it, the till moved the money.</summary>
    public const string Till = "till";
}
