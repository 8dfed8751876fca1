using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Omni.Catalog.Domain;
using Omni.Common.Data;

namespace Omni.Catalog.Data;

internal abstract class CatalogDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Variant> Variants => Set<Variant>();

    protected override void ConfigureModel(ModelBuilder model)
    {
        model.Entity<Product>(e =>
        {
            e.ToTable("catalog_products");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Code).HasMaxLength(64);
            e.HasIndex(x => x.Code).IsUnique();
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Brand).HasMaxLength(100);
            e.Property(x => x.BrandKey).HasMaxLength(100);
            e.HasIndex(x => x.BrandKey);
            e.Property(x => x.Category).HasMaxLength(200);
            e.HasIndex(x => x.Category);
            e.Property(x => x.Description).HasColumnType("text");
            e.Property(x => x.Currency).HasMaxLength(3);
            e.Property(x => x.SearchText).HasColumnType("text");
            e.HasMany(x => x.Variants).WithOne(x => x.Product).HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<Variant>(e =>
        {
            e.ToTable("catalog_variants");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Sku).HasMaxLength(64);
            e.HasIndex(x => x.Sku).IsUnique();
            e.Property(x => x.Gtin).HasMaxLength(14);
            e.Property(x => x.Gtin14).HasMaxLength(14);
            e.HasIndex(x => x.Gtin14).IsUnique();
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Currency).HasMaxLength(3);
            e.Property(x => x.Attributes).HasConversion(
                    v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
                    v => JsonSerializer.Deserialize<Dictionary<string, string>>(v, JsonSerializerOptions.Default) ?? new Dictionary<string, string>(),
                    new ValueComparer<Dictionary<string, string>>(
                        (a, b) => a!.Count == b!.Count && !a.Except(b).Any(), v => v.Count, v => new Dictionary<string, string>(v)))
                .HasColumnType("text");
            e.Property(x => x.Images).HasConversion(
                    v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
                    v => JsonSerializer.Deserialize<List<string>>(v, JsonSerializerOptions.Default) ?? new List<string>(),
                    new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()))
                .HasColumnType("text");
            e.HasIndex(x => x.ProductId);
            e.Ignore(x => x.Price);
        });
    }
}
