using Omni.Common.Data;
using Microsoft.EntityFrameworkCore;
using Omni.Common.Errors;
using Omni.Contracts.Locations;
using Omni.Locations.Data;
using Omni.Locations.Domain;

namespace Omni.Locations.Features;

internal enum WriteMode
{
    Create,
    Replace,
    Upsert,
}

/// <summary>
/// The one place locations are written: create, replace and import differ only in what an existing or missing code means.
/// Every check runs before the first change is tracked, so a refusal leaves the context clean for in-process callers.
/// </summary>
internal sealed class LocationWriter(LocationsDbContext db, LocationDirectory directory, TimeProvider clock)
{
    public async Task<IReadOnlyList<(Location Location, bool Created)>> SaveAsync(IReadOnlyList<ImportedLocation> items, WriteMode mode, CancellationToken ct)
    {
        var repeated = items.GroupBy(i => i.Code).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0) throw Duplicate($"Location code(s) {string.Join(", ", repeated)} appear more than once in the request.", repeated);

        var codes = items.Select(i => i.Code).ToList();
        var existing = await db.Locations.Where(l => codes.Contains(l.Code)).ToDictionaryAsync(l => l.Code, ct);

        if (mode == WriteMode.Create && existing.Count > 0)
            throw Duplicate($"Location '{existing.Keys.First()}' already exists.", [.. existing.Keys]);
        if (mode == WriteMode.Replace && items.FirstOrDefault(i => !existing.ContainsKey(i.Code)) is { } missing)
            throw DomainException.NotFound("Location", missing.Code);

        var at = clock.GetUtcNow().UtcDateTime;
        var saved = new List<(Location, bool)>(items.Count);
        foreach (var item in items)
        {
            if (existing.TryGetValue(item.Code, out var location))
            {
                location.Apply(item, at);
                db.Publish(location.ToUpdated(), at);
                saved.Add((location, false));
            }
            else
            {
                location = item.ToNew(at);
                db.Locations.Add(location);
                db.Publish(location.ToCreated(), at);
                saved.Add((location, true));
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            throw Duplicate("Another request created one of these locations at the same time.", codes);
        }
        finally
        {
            directory.Invalidate();
        }
        return saved;
    }

    private static DomainException Duplicate(string detail, IReadOnlyList<string> codes) =>
        new("duplicate", detail, extensions: new Dictionary<string, object?> { ["duplicates"] = codes });
}
