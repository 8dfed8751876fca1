using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Omni.Common.Events;

namespace Omni.Common.Data;

/// <summary>
/// Base of every module's DbContext: snake_case columns (so hand-written SQL reads the same on SQLite and
/// PostgreSQL), UTC timestamps, and the shared <c>events</c> outbox so a module's events commit with its changes.
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<OutboxEvent> Outbox => Set<OutboxEvent>();

    /// <summary>Only the Integration module creates the events table; the others write to it.</summary>
    protected virtual bool OwnsOutbox => false;

    public void Publish<TEvent>(TEvent @event, DateTime occurredAt) where TEvent : IEvent =>
        Outbox.Add(OutboxEvent.From(@event, occurredAt));

    protected abstract void ConfigureModel(ModelBuilder model);

    protected sealed override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxEvent>(e =>
        {
            e.ToTable("events", t => { if (!OwnsOutbox) t.ExcludeFromMigrations(); });
            e.HasKey(x => x.Id);
            e.Property(x => x.Type).HasMaxLength(100);
            e.HasIndex(x => x.Position).IsUnique();
        });
        ConfigureModel(modelBuilder);
        ApplySnakeCase(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite hands DateTime back with Kind=Unspecified; everything Omni stores is UTC, so say so on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<string>().HaveMaxLength(400);
    }

    private static void ApplySnakeCase(ModelBuilder model)
    {
        foreach (var entity in model.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties()) property.SetColumnName(Snake(SharedKeyColumn(entity, property) ?? property.GetColumnName()));
            foreach (var key in entity.GetKeys()) key.SetName(Snake(key.GetDefaultName() ?? key.GetName()!));
            foreach (var index in entity.GetIndexes()) index.SetDatabaseName(Snake(index.GetDefaultDatabaseName() ?? index.GetDatabaseName()!));
            foreach (var foreignKey in entity.GetForeignKeys()) foreignKey.SetConstraintName(Snake(foreignKey.GetDefaultName() ?? foreignKey.GetConstraintName()!));
        }
    }

    /// <summary>An owned type stored in its owner's table shares the owner's key column.</summary>
    private static string? SharedKeyColumn(Microsoft.EntityFrameworkCore.Metadata.IMutableEntityType entity, Microsoft.EntityFrameworkCore.Metadata.IMutableProperty property)
    {
        var ownership = entity.FindOwnership();
        if (ownership is null || !property.IsPrimaryKey() || entity.GetTableName() != ownership.PrincipalEntityType.GetTableName()) return null;
        var index = ownership.Properties.ToList().IndexOf(property);
        return index < 0 ? null : ownership.PrincipalKey.Properties[index].GetColumnName();
    }

    internal static string Snake(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && name[i - 1] != '_' && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])))) builder.Append('_');
                builder.Append(char.ToLowerInvariant(c));
            }
            else builder.Append(c);
        }
        return builder.ToString();
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
