using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Omni.Carts.Domain;
using Omni.Common.Data;

namespace Omni.Carts.Data;

internal abstract class CartsDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public DbSet<Cart> Carts => Set<Cart>();

    protected override void ConfigureModel(ModelBuilder model)
    {
        model.Entity<Cart>(e =>
        {
            e.ToTable("carts_carts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.TokenHash).HasMaxLength(64);
            e.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Currency).HasMaxLength(3);
            e.Property(x => x.PreferredStore).HasMaxLength(64);
            e.Property(x => x.HandedOffTo).HasMaxLength(64);
            e.Property(x => x.HandoffCode).HasMaxLength(16);
            e.Property(x => x.OrderNumber).HasMaxLength(20);
            e.Property(x => x.CheckoutKey).HasMaxLength(400);
            e.Property(x => x.CheckoutHash).HasMaxLength(64);
            e.Property(x => x.Version).IsConcurrencyToken();
            JsonList(e.Property(x => x.CouponCodes));
            JsonList(e.Property(x => x.Devices));
            e.OwnsOne(x => x.ShippingDestination, a =>
            {
                a.Property(x => x.Country).HasMaxLength(2);
                a.Property(x => x.PostalCode).HasMaxLength(20);
            });
            // One active cart per customer, across devices: the database settles two sign-ins racing to create it.
            e.HasIndex(x => x.CustomerId).IsUnique().HasFilter("status = 'Active'");
            e.HasIndex(x => x.HandoffCode).IsUnique();
            e.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.CartId);
            e.Navigation(x => x.Lines).AutoInclude();
        });
        model.Entity<CartLine>(e =>
        {
            e.ToTable("carts_lines");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Sku).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(400);
            e.Property(x => x.Method).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => new { x.CartId, x.Sku }).IsUnique();
        });
    }

    // Short lists read and written with their cart; a JSON text column beats a child table for them.
    private static void JsonList(Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<List<string>> property) =>
        property.HasConversion(
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
                v => JsonSerializer.Deserialize<List<string>>(v, JsonSerializerOptions.Default) ?? new List<string>(),
                new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()))
            .HasColumnType("text");
}
