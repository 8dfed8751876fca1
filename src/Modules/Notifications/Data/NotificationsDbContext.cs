using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;

namespace Omni.Notifications.Data;

/// <summary>A notification that went out; its key (event and kind) makes a redelivered event send nothing.</summary>
internal sealed class SentNotification
{
    public required string Key { get; init; }
    public required string Channel { get; init; }
    public required string Recipient { get; init; }
    public required string Subject { get; init; }
    public DateTime SentAt { get; init; }
}

/// <summary>Whom to tell about an order, copied from <c>order.placed</c>: fulfillment and payment events do not carry it.</summary>
internal sealed class OrderContact
{
    public Guid OrderId { get; init; }
    public required string Number { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public DateTime PlacedAt { get; init; }
}

internal enum ReminderStatus
{
    Pending,
    Sent,
    /// <summary>Collected or expired before it was due.</summary>
    Cancelled,
}

/// <summary>A reminder a day before an uncollected pickup expires, sent by <see cref="PickupReminderJob"/> when due.</summary>
internal sealed class PickupReminder
{
    public Guid FulfillmentId { get; init; }
    public Guid OrderId { get; init; }
    public required string OrderNumber { get; init; }
    public required string LocationCode { get; init; }
    public required string PickupCode { get; init; }
    public required string Email { get; init; }
    public DateTime ExpiresAt { get; init; }
    public DateTime DueAt { get; init; }
    public ReminderStatus Status { get; set; }
}

internal abstract class NotificationsDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public DbSet<SentNotification> Sent => Set<SentNotification>();
    public DbSet<OrderContact> Contacts => Set<OrderContact>();
    public DbSet<PickupReminder> Reminders => Set<PickupReminder>();

    protected override void ConfigureModel(ModelBuilder model)
    {
        model.Entity<SentNotification>(e =>
        {
            e.ToTable("notifications_sent");
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(200);
            e.Property(x => x.Channel).HasMaxLength(16);
            e.Property(x => x.Recipient).HasMaxLength(254);
        });
        model.Entity<OrderContact>(e =>
        {
            e.ToTable("notifications_order_contacts");
            e.HasKey(x => x.OrderId);
            e.Property(x => x.OrderId).ValueGeneratedNever();
            e.Property(x => x.Number).HasMaxLength(20);
            e.Property(x => x.Email).HasMaxLength(254);
            e.Property(x => x.Phone).HasMaxLength(32);
        });
        model.Entity<PickupReminder>(e =>
        {
            e.ToTable("notifications_pickup_reminders");
            e.HasKey(x => x.FulfillmentId);
            e.Property(x => x.FulfillmentId).ValueGeneratedNever();
            e.Property(x => x.OrderNumber).HasMaxLength(20);
            e.Property(x => x.LocationCode).HasMaxLength(64);
            e.Property(x => x.PickupCode).HasMaxLength(32);
            e.Property(x => x.Email).HasMaxLength(254);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => new { x.Status, x.DueAt });
        });
    }
}
