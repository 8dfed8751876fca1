using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;
using Omni.Common.Events;

namespace Omni.Integration.Data;

internal abstract class IntegrationDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    protected override bool OwnsOutbox => true;

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
    }
}
