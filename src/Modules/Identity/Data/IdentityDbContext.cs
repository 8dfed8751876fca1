using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;
using Omni.Identity.Domain;

namespace Omni.Identity.Data;

internal abstract class IdentityDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    protected override void ConfigureModel(ModelBuilder model)
    {
        model.Entity<ApiKey>(e =>
        {
            e.ToTable("identity_api_keys");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Prefix).HasMaxLength(ApiKeySecret.PrefixLength);
            e.Property(x => x.Hash).HasMaxLength(ApiKeySecret.HashLength);
            e.Property(x => x.StoreCode).HasMaxLength(64);
            e.HasIndex(x => x.Hash).IsUnique();
            e.Ignore(x => x.IsActive);
        });
    }
}
