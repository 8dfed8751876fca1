using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;
using Omni.Payments.Domain;

namespace Omni.Payments.Data;

internal abstract class PaymentsDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<PaymentTransaction> Transactions => Set<PaymentTransaction>();
    public DbSet<StoreCredit> StoreCredits => Set<StoreCredit>();
    public DbSet<StoreCreditEntry> StoreCreditEntries => Set<StoreCreditEntry>();

    protected override void ConfigureModel(ModelBuilder model)
    {
        model.Entity<Payment>(e =>
        {
            e.ToTable("payments_payments");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            // One payment per order: an order is paid with one tender (split tenders are not supported yet).
            e.HasIndex(x => x.OrderId).IsUnique();
            e.Property(x => x.Currency).HasMaxLength(3);
            e.Property(x => x.TenderType).HasMaxLength(32);
            e.Property(x => x.Provider).HasMaxLength(32);
            e.Property(x => x.AuthorizationReference).HasMaxLength(100);
            e.Property(x => x.CustomerEmail).HasMaxLength(254);
            e.Ignore(x => x.Amounts);
        });
        model.Entity<PaymentTransaction>(e =>
        {
            e.ToTable("payments_transactions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => x.IdempotencyKey).IsUnique();
            e.HasIndex(x => x.OrderId);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Destination).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Currency).HasMaxLength(3);
            e.Property(x => x.Reference).HasMaxLength(100);
            e.Property(x => x.IdempotencyKey).HasMaxLength(300);
        });
        model.Entity<StoreCredit>(e =>
        {
            e.ToTable("payments_store_credits");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.CustomerEmail).HasMaxLength(254);
            e.Property(x => x.Currency).HasMaxLength(3);
            // A customer has one balance per currency; balances without an e-mail (NULL) are each their own.
            e.HasIndex(x => new { x.CustomerEmail, x.Currency }).IsUnique();
        });
        model.Entity<StoreCreditEntry>(e =>
        {
            e.ToTable("payments_store_credit_entries");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => x.StoreCreditId);
        });
    }
}
