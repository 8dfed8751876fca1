using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;
using Omni.Inventory.Domain;

namespace Omni.Inventory.Data;

internal abstract class InventoryDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public DbSet<StockPosition> Positions => Set<StockPosition>();
    public DbSet<StockMovement> Movements => Set<StockMovement>();
    public DbSet<Reservation> Reservations => Set<Reservation>();

    protected override void ConfigureModel(ModelBuilder model)
    {
        model.Entity<StockPosition>(e =>
        {
            e.ToTable("inventory_positions");
            e.HasKey(x => x.Id);
            e.Property(x => x.LocationCode).HasMaxLength(64);
            e.Property(x => x.Sku).HasMaxLength(64);
            e.Property(x => x.Bin).HasMaxLength(BinLabel.MaxLength);
            e.HasIndex(x => new { x.LocationCode, x.Sku }).IsUnique();
            e.HasIndex(x => x.Sku);
            e.Ignore(x => x.Available);
        });
        model.Entity<StockMovement>(e =>
        {
            e.ToTable("inventory_movements");
            e.HasKey(x => x.Id);
            e.Property(x => x.LocationCode).HasMaxLength(64);
            e.Property(x => x.Sku).HasMaxLength(64);
            e.Property(x => x.Reason).HasMaxLength(32);
            e.Property(x => x.Reference).HasMaxLength(100);
            e.Property(x => x.Actor).HasMaxLength(100);
            e.HasIndex(x => new { x.LocationCode, x.Sku });
        });
        model.Entity<Reservation>(e =>
        {
            e.ToTable("inventory_reservations");
            e.HasKey(x => x.Id);
            e.Property(x => x.LocationCode).HasMaxLength(64);
            e.Property(x => x.Sku).HasMaxLength(64);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => x.OrderId);
            e.HasIndex(x => new { x.LocationCode, x.Sku, x.Status });
            e.HasIndex(x => new { x.Status, x.ExpiresAt });
        });
    }
}
