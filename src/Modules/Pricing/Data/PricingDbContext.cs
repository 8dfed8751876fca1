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
    }

    // The lists are small and only ever read whole into the engine's cache, so a JSON text column beats a child table.
    private static void JsonList<T>(PropertyBuilder<List<T>> property) =>
        property.HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<List<T>>(v, Json) ?? new List<T>(),
                new ValueComparer<List<T>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()))
            .HasColumnType("text");
}
