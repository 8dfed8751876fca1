using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Omni.Common.Data;
using Omni.Common.Http;
using Omni.Locations.Domain;

namespace Omni.Locations.Data;

internal abstract class LocationsDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    private static readonly JsonSerializerOptions Json = OmniJson.Create();

    public DbSet<Location> Locations => Set<Location>();

    protected override void ConfigureModel(ModelBuilder model)
    {
        model.Entity<Location>(e =>
        {
            e.ToTable("locations_locations");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Code).HasMaxLength(64);
            e.HasIndex(x => x.Code).IsUnique();
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Type).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.AddressLine1).HasMaxLength(200);
            e.Property(x => x.AddressLine2).HasMaxLength(200);
            e.Property(x => x.City).HasMaxLength(100);
            e.Property(x => x.PostalCode).HasMaxLength(20);
            e.Property(x => x.Country).HasMaxLength(2);
            e.Property(x => x.TimeZone).HasMaxLength(64);
            e.Property(x => x.OpeningHours)
                .HasConversion(
                    v => JsonSerializer.Serialize(v, Json),
                    v => JsonSerializer.Deserialize<List<OpeningHours>>(v, Json) ?? new List<OpeningHours>(),
                    new ValueComparer<List<OpeningHours>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()))
                .HasColumnType("text");
            // Always written by the code; the database default only fills the rows that existed before the column.
            e.Property(x => x.PickupHoldDays).ValueGeneratedNever().HasDefaultValue(Location.DefaultPickupHoldDays);
            e.Ignore(x => x.Capabilities);
        });
    }
}
