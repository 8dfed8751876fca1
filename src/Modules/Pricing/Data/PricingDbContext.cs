using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omni.Common.Data;
using Omni.Common.Http;
using Omni.Pricing.Domain;

namespace Omni.Pricing.Data;

internal abstract class PricingDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    private static readonly JsonSerializerOptions Json = OmniJson.Create();

    public DbSet<PromotionRecord> Promotions => Set<PromotionRecord>();
    public DbSet<PriceExceptionRecord> PriceExceptions => Set<PriceExceptionRecord>();
    public DbSet<CouponRecord> Coupons => Set<CouponRecord>();
    public DbSet<CouponCodeRecord> CouponCodes => Set<CouponCodeRecord>();
    public DbSet<CouponCustomerUse> CouponCustomerUses => Set<CouponCustomerUse>();
    public DbSet<CouponRedemptionRecord> CouponRedemptions => Set<CouponRedemptionRecord>();
    public DbSet<TaxRateRecord> TaxRates => Set<TaxRateRecord>();

    protected override void ConfigureModel(ModelBuilder model)
    {
        model.Entity<PromotionRecord>(e =>
        {
            e.ToTable("pricing_promotions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Code).HasMaxLength(64);
            e.HasIndex(x => x.Code).IsUnique();
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.TargetType).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Stacking).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Currency).HasMaxLength(3);
            JsonList(e.Property(x => x.TargetValues));
            JsonList(e.Property(x => x.Channels));
            JsonList(e.Property(x => x.Locations));
            JsonList(e.Property(x => x.LoyaltyTiers));
            e.HasIndex(x => x.Active);
        });
        model.Entity<PriceExceptionRecord>(e =>
        {
            e.ToTable("pricing_price_exceptions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Sku).HasMaxLength(64);
            e.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.LocationCode).HasMaxLength(64);
            e.Property(x => x.Currency).HasMaxLength(3);
            e.Property(x => x.Reason).HasMaxLength(400);
            e.Property(x => x.ScopeKey).HasMaxLength(160);
            e.HasIndex(x => x.ScopeKey).IsUnique();
            e.HasIndex(x => x.Sku);
        });
        model.Entity<CouponRecord>(e =>
        {
            e.ToTable("pricing_coupons");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => x.PromotionId);
        });
        model.Entity<CouponCodeRecord>(e =>
        {
            e.ToTable("pricing_coupon_codes");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Code).HasMaxLength(64);
            e.HasIndex(x => x.Code).IsUnique();
            e.HasIndex(x => x.CouponId);
            e.Property(x => x.AssignedEmail).HasMaxLength(254);
            e.HasIndex(x => x.AssignedCustomerId);
            e.HasIndex(x => x.AssignedEmail);
        });
        model.Entity<CouponCustomerUse>(e =>
        {
            e.ToTable("pricing_coupon_customer_uses");
            e.HasKey(x => new { x.CouponId, x.CustomerKey });
            e.Property(x => x.CustomerKey).HasMaxLength(300);
        });
        model.Entity<CouponRedemptionRecord>(e =>
        {
            e.ToTable("pricing_coupon_redemptions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Code).HasMaxLength(64);
            e.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.LocationCode).HasMaxLength(64);
            e.Property(x => x.CustomerKey).HasMaxLength(300);
            e.Property(x => x.Currency).HasMaxLength(3);
            e.Property(x => x.OverLimitReason).HasMaxLength(40);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => new { x.CouponId, x.RedeemedAt });
            e.HasIndex(x => x.OrderId);
            e.HasIndex(x => x.OverLimit);
        });
        model.Entity<TaxRateRecord>(e =>
        {
            e.ToTable("pricing_tax_rates");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Country).HasMaxLength(2);
            e.Property(x => x.Region).HasMaxLength(10);
            e.Property(x => x.ScopeKey).HasMaxLength(16);
            e.HasIndex(x => x.ScopeKey).IsUnique();
            e.Property(x => x.Name).HasMaxLength(100);
        });
    }

    // The lists are small and only ever read whole into the engine's cache, so a JSON text column beats a child table.
    private static void JsonList<T>(PropertyBuilder<List<T>> property) =>
        property.HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<List<T>>(v, Json) ?? new List<T>(),
                new ValueComparer<List<T>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()))
            .HasColumnType("text");
}
