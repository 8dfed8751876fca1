using System.Security.Claims;
using Omni.Common.Errors;
using Omni.Common.Validation;
using Omni.Contracts.Catalog;
using Omni.Contracts.Identity;
using Omni.Contracts.Inventory;
using Omni.Contracts.Locations;

namespace Omni.Inventory.Features;

public sealed record ApplySnapshotRequest(List<SnapshotLineInput?>? Lines);

/// <summary>A line as it arrives: onHand is nullable so a line without it is refused rather than counted as zero.</summary>
public sealed record SnapshotLineInput(string? Sku, int? OnHand, int? SafetyStock);

/// <summary>A full or partial stock snapshot from an ERP/WMS: each line is a count, and the answer is the reconciliation.</summary>
internal static class ApplySnapshot
{
    private const int MaxLines = 20_000;

    public static void Map(RouteGroupBuilder inventory) =>
        inventory.MapPost("/{locationCode}/snapshot", Handle).WithName(nameof(ApplySnapshot))
            .RequireAuthorization(Scopes.Policy(Scopes.Inventory));

    internal static async Task<IResult> Handle(string locationCode, ApplySnapshotRequest request, ClaimsPrincipal user,
        ILocationDirectory locations, ICatalogLookup catalog, IStockSnapshots snapshots, CancellationToken ct)
    {
        locationCode = locationCode.ToUpperInvariant();
        var errors = new Validator();
        if (request.Lines is not { Count: > 0 }) errors.Add("lines", "must contain at least one line.");
        else if (request.Lines.Count > MaxLines) errors.Add("lines", $"must contain at most {MaxLines} lines.");
        else
        {
            for (var i = 0; i < request.Lines.Count; i++)
            {
                var line = request.Lines[i];
                if (line is null) { errors.Add($"lines[{i}]", "is required."); continue; }
                errors.Code($"lines[{i}].sku", line.Sku);
                if (errors.Required($"lines[{i}].onHand", line.OnHand)) errors.Range($"lines[{i}].onHand", line.OnHand!.Value, 0, 1_000_000_000);
                if (line.SafetyStock is { } safety) errors.Range($"lines[{i}].safetyStock", safety, 0, 1_000_000_000);
            }
            var duplicates = request.Lines.Where(l => l is not null).GroupBy(l => l!.Sku?.ToUpperInvariant()).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            if (duplicates.Count > 0) errors.Add("lines", $"name SKUs more than once: {string.Join(", ", duplicates.Take(10))}.");
        }
        if (!errors.IsValid) return errors.ToProblem();
        if (!(await locations.AllAsync(ct)).ContainsKey(locationCode)) return Problems.NotFound("Location", locationCode);
        if (!user.MayActFor(locationCode)) return Problems.ForStoreOnly(user.BoundStore());

        var lines = request.Lines!.Select(l => new SnapshotLine(l!.Sku!, l.OnHand!.Value, l.SafetyStock)).ToList();
        var known = await catalog.FindVariantsAsync(lines.Select(l => l.Sku).ToList(), ct);
        for (var i = 0; i < lines.Count; i++)
            if (!known.ContainsKey(lines[i].Sku)) errors.Add($"lines[{i}].sku", $"SKU '{lines[i].Sku}' does not exist.");
        if (!errors.IsValid) return errors.ToProblem();

        lines = [.. lines.Select(l => l with { Sku = known[l.Sku].Sku })];
        return TypedResults.Ok(await snapshots.ApplyAsync(locationCode, lines, user.Actor(), ct));
    }
}
