using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;
using Omni.Customers.Domain;

namespace Omni.Customers.Data;

internal abstract class CustomersDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public const string InteractionsTable = "customers_interactions";

    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<CustomerIdentity> Identities => Set<CustomerIdentity>();
    public DbSet<Purchase> Purchases => Set<Purchase>();
    public DbSet<CustomerReturn> Returns => Set<CustomerReturn>();
    public DbSet<Interaction> Interactions => Set<Interaction>();
    public DbSet<ConsentEntry> Consents => Set<ConsentEntry>();
    public DbSet<LoyaltyEntry> LoyaltyLedger => Set<LoyaltyEntry>();
    public DbSet<LoyaltyTier> LoyaltyTiers => Set<LoyaltyTier>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    protected override void ConfigureModel(ModelBuilder model)
    {
        model.Entity<Customer>(e =>
        {
            e.ToTable("customers_customers");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Name).HasMaxLength(200);
            e.HasIndex(x => x.MergedInto);
            e.Ignore(x => x.IsLive);
        });
        model.Entity<CustomerIdentity>(e =>
        {
            e.ToTable("customers_identities");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Value).HasMaxLength(Domain.Identities.MaxLength);
            // One identity, one profile: this index is what makes concurrent resolution of a new e-mail create one profile.
            e.HasIndex(x => new { x.Kind, x.Value }).IsUnique();
            e.HasIndex(x => x.CustomerId);
        });
        model.Entity<Purchase>(e =>
        {
            e.ToTable("customers_purchases");
            e.HasKey(x => x.OrderId);
            e.Property(x => x.Number).HasMaxLength(20);
            e.Property(x => x.Channel).HasMaxLength(16);
            e.Property(x => x.Currency).HasMaxLength(3);
            e.HasIndex(x => x.CustomerId);
        });
        model.Entity<CustomerReturn>(e =>
        {
            e.ToTable("customers_returns");
            e.HasKey(x => x.ReturnId);
            e.Property(x => x.ReturnId).ValueGeneratedNever();
            e.Property(x => x.OrderNumber).HasMaxLength(20);
            e.Property(x => x.LocationCode).HasMaxLength(64);
            e.Property(x => x.Currency).HasMaxLength(3);
            e.Property(x => x.RefundTo).HasMaxLength(32);
            e.HasIndex(x => x.OrderId);
        });
        model.Entity<Interaction>(e =>
        {
            e.ToTable(InteractionsTable);
            e.HasKey(x => x.Id);
            e.Property(x => x.DeviceId).HasMaxLength(128);
            e.Property(x => x.Type).HasMaxLength(50);
            e.Property(x => x.Channel).HasMaxLength(16);
            e.Property(x => x.Payload).HasColumnType("text");
            e.HasIndex(x => new { x.CustomerId, x.OccurredAt });
            e.HasIndex(x => new { x.DeviceId, x.OccurredAt });
            // The retention purge deletes by age.
            e.HasIndex(x => x.OccurredAt);
        });
        model.Entity<ConsentEntry>(e =>
        {
            e.ToTable("customers_consents");
            e.HasKey(x => x.Id);
            e.Property(x => x.Purpose).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Channel).HasMaxLength(16);
            e.Property(x => x.RecordedBy).HasMaxLength(100);
            e.HasIndex(x => x.CustomerId);
        });
        model.Entity<LoyaltyEntry>(e =>
        {
            e.ToTable("customers_loyalty_ledger");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasMaxLength(16);
            e.Property(x => x.Reference).HasMaxLength(200);
            e.HasIndex(x => new { x.Kind, x.Reference }).IsUnique();
            e.HasIndex(x => x.CustomerId);
        });
        model.Entity<LoyaltyTier>(e =>
        {
            e.ToTable("customers_loyalty_tiers");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(50);
            e.HasData(
                new LoyaltyTier { Name = "member", MinPoints = 0 },
                new LoyaltyTier { Name = "silver", MinPoints = 500 },
                new LoyaltyTier { Name = "gold", MinPoints = 2_000 },
                new LoyaltyTier { Name = "platinum", MinPoints = 10_000 });
        });
        model.Entity<AuditEntry>(e =>
        {
            e.ToTable("customers_audit");
            e.HasKey(x => x.Id);
            e.Property(x => x.Actor).HasMaxLength(100);
            e.Property(x => x.Action).HasMaxLength(40);
            e.Property(x => x.Detail).HasMaxLength(1000);
            e.HasIndex(x => new { x.CustomerId, x.At });
        });
    }
}
