namespace Omni.Customers;

/// <summary>Settings under <c>Omni:Customers</c>.</summary>
internal sealed class CustomerOptions
{
    public const string Section = "Omni:Customers";

    /// <summary>Loyalty points per unit of an order's currency (1 point per euro by default); fractions are dropped.</summary>
    public decimal PointsPerCurrencyUnit { get; set; } = 1m;

    /// <summary>What one point is worth as a discount, in minor units of the order's currency (1: 100 points take 1.00 off).</summary>
    public long PointValueMinor { get; set; } = 1;

    /// <summary>How long interactions are kept before the purge deletes them.</summary>
    public TimeSpan InteractionRetention { get; set; } = TimeSpan.FromDays(365);

    /// <summary>How often a node checks for interactions past retention.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>ISO 3166 region for phone numbers typed without a country code (e.g. <c>FR</c>); none: such numbers are refused.</summary>
    public string? DefaultPhoneRegion { get; set; }
}
