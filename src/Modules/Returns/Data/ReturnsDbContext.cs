using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;
using Omni.Returns.Domain;

namespace Omni.Returns.Data;

internal abstract class ReturnsDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public DbSet<Return> Returns => Set<Return>();
    public DbSet<ReturnedQuantity> ReturnedQuantities => Set<ReturnedQuantity>();
    public DbSet<PolicyRecord> Policies => Set<PolicyRecord>();
    public DbSet<IdempotencyKey> IdempotencyKeys => Set<IdempotencyKey>();
    public DbSet<ReturnRequest> Requests => Set<ReturnRequest>();

    protected override void ConfigureModel(ModelBuilder model)
    {
        model.Entity<Return>(e =>
        {
            e.ToTable("returns_returns");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.OrderId);
            e.HasIndex(x => x.LocationCode);
            e.Property(x => x.OrderNumber).HasMaxLength(20);
            e.Property(x => x.ExchangeOrderNumber).HasMaxLength(20);
            e.Property(x => x.LocationCode).HasMaxLength(64);
            e.Property(x => x.Currency).HasMaxLength(3);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.RefundTo).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.RefundReference).HasMaxLength(200);
            e.Property(x => x.ReceivedBy).HasMaxLength(100);
            e.Ignore(x => x.ReturnedValue);
            e.Ignore(x => x.Refund);
            e.Ignore(x => x.BalanceDue);
            e.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.ReturnId);
            e.Navigation(x => x.Lines).AutoInclude();
        });
        model.Entity<ReturnLine>(e =>
        {
            e.ToTable("returns_lines");
            e.HasKey(x => x.Id);
            e.Property(x => x.Sku).HasMaxLength(64);
            e.Property(x => x.Condition).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Disposition).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Reason).HasMaxLength(200);
            e.HasIndex(x => x.OrderLineId);
        });
        model.Entity<ReturnedQuantity>(e =>
        {
            e.ToTable("returns_returned_quantities");
            e.HasKey(x => x.OrderLineId);
            e.HasIndex(x => x.OrderId);
        });
        model.Entity<PolicyRecord>(e =>
        {
            e.ToTable("returns_policies");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Document).HasMaxLength(100_000);
            e.Property(x => x.UpdatedBy).HasMaxLength(100);
            // The row always exists, so a policy update is a plain update: two first updates cannot both insert it.
            e.HasData(new PolicyRecord { Id = PolicyRecord.SingletonId, Document = ReturnPolicy.Default.ToDocument() });
        });
        model.Entity<ReturnRequest>(e =>
        {
            e.ToTable("returns_requests");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.Code).IsUnique();
            e.HasIndex(x => x.OrderId);
            e.HasIndex(x => new { x.LocationCode, x.Status, x.ExpiresAt });
            e.Property(x => x.Code).HasMaxLength(16);
            e.Property(x => x.OrderNumber).HasMaxLength(20);
            e.Property(x => x.LocationCode).HasMaxLength(64);
            // A concurrency token: receiving and cancelling update "WHERE status = 'Requested'", so of two racing one wins.
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
            e.Property(x => x.RefundTo).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.CustomerEmail).HasMaxLength(254);
            e.Property(x => x.CustomerName).HasMaxLength(200);
            e.Property(x => x.RequestedBy).HasMaxLength(100);
            e.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.RequestId);
            e.Navigation(x => x.Lines).AutoInclude();
        });
        model.Entity<ReturnRequestLine>(e =>
        {
            e.ToTable("returns_request_lines");
            e.HasKey(x => x.Id);
            e.Property(x => x.Sku).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(300);
            e.Property(x => x.Reason).HasMaxLength(200);
        });
        // Keys of both POST /returns and the return requests' endpoints: the column holds a return's or a request's id.
        model.IdempotencyKeys("returns_idempotency_keys", resourceColumn: "return_id");
    }
}
