using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omni.Common.Data;
using Omni.Orders.Domain;

namespace Omni.Orders.Data;

internal abstract class OrdersDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string NumberSequence = "orders_number_seq";

    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderLine> Lines => Set<OrderLine>();
    public DbSet<IdempotencyKey> IdempotencyKeys => Set<IdempotencyKey>();
    public DbSet<SourcingRuleSet> SourcingRuleSets => Set<SourcingRuleSet>();
    public DbSet<SourcingDecision> SourcingDecisions => Set<SourcingDecision>();
    public DbSet<ResourcingDecision> ResourcingDecisions => Set<ResourcingDecision>();
    public DbSet<Fulfillment> Fulfillments => Set<Fulfillment>();
    public DbSet<HandledEvent> HandledEvents => Set<HandledEvent>();

    protected override void ConfigureModel(ModelBuilder model)
    {
        // PostgreSQL hands out order numbers from a sequence (no row lock shared by all writers); SQLite serializes
        // writers anyway and takes MAX()+1 inside the write transaction.
        if (Database.IsNpgsql()) model.HasSequence<long>(NumberSequence).StartsAt(1);

        model.Entity<Order>(e =>
        {
            e.ToTable("orders_orders");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.SequenceNumber).IsUnique();
            e.HasIndex(x => x.Number).IsUnique();
            e.HasIndex(x => x.CustomerEmail);
            e.HasIndex(x => x.CustomerId);
            e.HasIndex(x => x.PlacedAt);
            e.Property(x => x.Number).HasMaxLength(20);
            e.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Currency).HasMaxLength(3);
            e.Property(x => x.CustomerEmail).HasMaxLength(254);
            e.Property(x => x.CustomerPhone).HasMaxLength(32);
            e.Property(x => x.PlacedBy).HasMaxLength(100);
            e.OwnsOne(x => x.ShippingAddress, a =>
            {
                a.Property(x => x.Country).HasMaxLength(2);
                a.Property(x => x.PostalCode).HasMaxLength(20);
            });
            e.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.OrderId);
            e.Navigation(x => x.Lines).AutoInclude();
            e.Ignore(x => x.Total);
            e.Property(x => x.Version).IsConcurrencyToken();
            Codes(e.Property(x => x.Coupons));
        });
        model.Entity<OrderLine>(e =>
        {
            e.ToTable("orders_lines");
            e.HasKey(x => x.Id);
            e.Property(x => x.Sku).HasMaxLength(64);
            e.Property(x => x.ProductCode).HasMaxLength(64);
            e.Property(x => x.LocationCode).HasMaxLength(64);
            e.Property(x => x.Method).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => x.Sku);
            Codes(e.Property(x => x.Promotions));
            e.OwnsMany(x => x.Allocations, a =>
            {
                a.ToTable("orders_allocations");
                a.WithOwner().HasForeignKey(x => x.OrderLineId);
                a.HasKey(x => x.Id);
                // Ids are made in code: an allocation added to a line that is already tracked (re-sourcing) is new, not an update.
                a.Property(x => x.Id).ValueGeneratedNever();
                a.Property(x => x.LocationCode).HasMaxLength(64);
                a.HasIndex(x => x.LocationCode);
            });
        });
        model.Entity<Fulfillment>(e =>
        {
            e.ToTable("orders_fulfillments");
            e.HasKey(x => x.Id);
            e.Property(x => x.OrderNumber).HasMaxLength(20);
            e.Property(x => x.Currency).HasMaxLength(3);
            e.Property(x => x.Method).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.LocationCode).HasMaxLength(64);
            e.Property(x => x.HandoverLocationCode).HasMaxLength(64);
            e.Property(x => x.PickupCode).HasMaxLength(12);
            e.Property(x => x.Carrier).HasMaxLength(100);
            e.Property(x => x.TrackingNumber).HasMaxLength(100);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.OrderId);
            e.HasIndex(x => new { x.LocationCode, x.Status });
            e.HasIndex(x => new { x.HandoverLocationCode, x.Status });
            e.HasIndex(x => new { x.Status, x.ExpiresAt });
            // A pickup code is cleared when its pickup closes: unique among the store's open pickups only.
            e.HasIndex(x => new { x.HandoverLocationCode, x.PickupCode }).IsUnique().HasFilter("pickup_code IS NOT NULL");
            e.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.FulfillmentId);
            e.Navigation(x => x.Lines).AutoInclude();
            e.Ignore(x => x.Amount);
        });
        model.Entity<FulfillmentItem>(e =>
        {
            e.ToTable("orders_fulfillment_lines");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Sku).HasMaxLength(64);
            e.HasIndex(x => x.OrderLineId);
        });
        model.Entity<HandledEvent>(e =>
        {
            e.ToTable("orders_handled_events");
            e.HasKey(x => new { x.EventId, x.Subscriber });
            e.Property(x => x.Subscriber).HasMaxLength(100);
        });
        model.Entity<SourcingRuleSet>(e =>
        {
            e.ToTable("orders_sourcing_rule_sets");
            e.HasKey(x => x.Version);
            // Versions are numbered by the editor (latest + 1): the key itself refuses a concurrent edit.
            e.Property(x => x.Version).ValueGeneratedNever();
            e.Property(x => x.Definition).HasColumnType("text");
            e.Property(x => x.CreatedBy).HasMaxLength(100);
        });
        model.Entity<SourcingDecision>(e =>
        {
            e.ToTable("orders_sourcing_decisions");
            e.HasKey(x => x.OrderId);
            e.Property(x => x.Explanation).HasColumnType("text");
        });
        model.Entity<ResourcingDecision>(e =>
        {
            e.ToTable("orders_resourcing_decisions");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.OrderId);
            e.Property(x => x.Reason).HasMaxLength(100);
            e.Property(x => x.Explanation).HasColumnType("text");
        });
        model.IdempotencyKeys("orders_idempotency_keys", resourceColumn: "order_id");
    }

    // Promotion and coupon codes never contain a space: one space-separated text column reads the same on both databases.
    private static void Codes(PropertyBuilder<List<string>> property) =>
        property.HasConversion(
                v => string.Join(' ', v),
                v => v.Length == 0 ? new List<string>() : v.Split(' ', StringSplitOptions.None).ToList(),
                new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()))
            .HasColumnType("text");
}
