using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Data;
using Omni.Identity.Domain;
using Omni.Identity.Users;

namespace Omni.Identity.Data;

internal abstract class IdentityDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<OmniUser> Users => Set<OmniUser>();
    public DbSet<IdentityAuditEntry> Audit => Set<IdentityAuditEntry>();

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
        model.Entity<IdentityAuditEntry>(e =>
        {
            e.ToTable("identity_audit");
            e.HasKey(x => x.Id);
            e.Property(x => x.Actor).HasMaxLength(256);
            e.Property(x => x.Kind).HasMaxLength(40);
            e.Property(x => x.Subject).HasMaxLength(256);
            e.Property(x => x.Detail).HasMaxLength(1000);
            e.HasIndex(x => x.At);
        });
        ConfigureUsers(model);
    }

    /// <summary>The tables ASP.NET Core Identity's user store reads and writes, in this module's naming.</summary>
    private static void ConfigureUsers(ModelBuilder model)
    {
        model.Entity<OmniUser>(e =>
        {
            e.ToTable("identity_users");
            e.HasKey(x => x.Id);
            e.Property(x => x.UserName).HasMaxLength(256);
            e.Property(x => x.NormalizedUserName).HasMaxLength(256);
            e.Property(x => x.Email).HasMaxLength(256);
            e.Property(x => x.NormalizedEmail).HasMaxLength(256);
            e.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
            e.Property(x => x.DisplayName).HasMaxLength(200);
            e.Property(x => x.Role).HasMaxLength(32);
            e.Property(x => x.StoreCode).HasMaxLength(64);
            e.HasIndex(x => x.NormalizedUserName).IsUnique();
            e.HasIndex(x => x.NormalizedEmail);
        });
        model.Entity<IdentityUserClaim<Guid>>(e =>
        {
            e.ToTable("identity_user_claims");
            e.HasKey(x => x.Id);
            e.HasOne<OmniUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<IdentityUserLogin<Guid>>(e =>
        {
            e.ToTable("identity_user_logins");
            e.HasKey(x => new { x.LoginProvider, x.ProviderKey });
            e.Property(x => x.LoginProvider).HasMaxLength(128);
            e.Property(x => x.ProviderKey).HasMaxLength(128);
            e.HasOne<OmniUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<IdentityUserToken<Guid>>(e =>
        {
            e.ToTable("identity_user_tokens");
            e.HasKey(x => new { x.UserId, x.LoginProvider, x.Name });
            e.Property(x => x.LoginProvider).HasMaxLength(128);
            e.Property(x => x.Name).HasMaxLength(128);
            e.HasOne<OmniUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
