using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;
using Omni.Common.Events;
using Omni.Integration.Subscriptions;
using Omni.Integration.Webhooks;

namespace Omni.Integration.Data;

internal abstract class IntegrationDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    protected override bool OwnsOutbox => true;

    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();
    public DbSet<WebhookCursor> WebhookCursors => Set<WebhookCursor>();
    public DbSet<EventSubscriptionCursor> SubscriptionCursors => Set<EventSubscriptionCursor>();
    public DbSet<EventSubscriptionFailure> SubscriptionFailures => Set<EventSubscriptionFailure>();

    protected override void ConfigureModel(ModelBuilder model)
    {
        model.Entity<OutboxEvent>(e =>
        {
            // Event payloads (an order with its lines) are far longer than the default string limit.
            e.Property(x => x.Data).HasColumnType("text");
            // The dispatcher looks for events without a position on every tick; once positioned they leave this index,
            // so it stays as small as the backlog however large the table grows.
            e.HasIndex(x => x.Id).HasFilter("position IS NULL");
        });
        model.Entity<WebhookSubscription>(e =>
        {
            e.ToTable("integration_webhook_subscriptions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Url).HasMaxLength(2000);
            e.Property(x => x.Secret).HasMaxLength(200);
            e.Ignore(x => x.IsActive);
        });
        model.Entity<WebhookDelivery>(e =>
        {
            e.ToTable("integration_webhook_deliveries");
            e.HasKey(x => x.Id);
            e.Property(x => x.Status).HasMaxLength(20);
            e.Property(x => x.EventType).HasMaxLength(100);
            e.Property(x => x.LastError).HasMaxLength(1000);
            e.Ignore(x => x.IsSettled);
            // The claim sets it to the lease's end: a node whose lease ran out mid-send finds it changed and does not overwrite the new owner.
            e.Property(x => x.NextAttemptAt).IsConcurrencyToken();
            // Fan-out and replay write one row per (subscription, event); the index makes a second one impossible.
            e.HasIndex(x => new { x.SubscriptionId, x.EventId }).IsUnique();
            e.HasIndex(x => new { x.SubscriptionId, x.EventPosition });
            // The claim's scan: due pending rows and expired leases.
            e.HasIndex(x => new { x.Status, x.NextAttemptAt });
        });
        model.Entity<WebhookAttempt>(e =>
        {
            e.ToTable("integration_webhook_attempts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Error).HasMaxLength(1000);
            e.HasIndex(x => new { x.DeliveryId, x.Number });
        });
        model.Entity<WebhookCursor>(e =>
        {
            e.ToTable("integration_webhook_cursors");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(50);
            e.HasData(new WebhookCursor { Name = WebhookCursor.Fanout, Position = 0 });
        });
        model.Entity<EventSubscriptionCursor>(e =>
        {
            e.ToTable("event_subscriptions");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(100);
        });
        model.Entity<EventSubscriptionFailure>(e =>
        {
            e.ToTable("event_subscription_failures");
            e.HasKey(x => x.Id);
            e.Property(x => x.Subscriber).HasMaxLength(100);
            e.Property(x => x.EventId).HasMaxLength(36);
            e.Property(x => x.Error).HasColumnType("text");
            e.HasIndex(x => x.Subscriber);
        });
    }
}
