using System.Security.Claims;
using Omni.Common.Errors;
using Omni.Common.Validation;
using Omni.Contracts.Catalog;
using Omni.Contracts.Identity;
using Omni.Contracts.Inventory;
using Omni.Contracts.Locations;
using Omni.Inventory.Data;
using Omni.Inventory.Domain;

namespace Omni.Inventory.Features;

public sealed record SetBinRequest(string? Bin);

/// <summary>
/// Where a SKU is kept in the location. Its own resource rather than a field of the count: a count must say what was
/// counted (a body without <c>onHand</c> is refused), and relabelling a shelf counts nothing.
/// </summary>
internal static class SetBin
{
    public static void Map(RouteGroupBuilder inventory) =>
        inventory.MapPut("/{locationCode}/{sku}/bin", Handle).WithName(nameof(SetBin))
            .RequireAuthorization(Scopes.Policy(Scopes.Inventory));

    internal static async Task<IResult> Handle(string locationCode, string sku, SetBinRequest request, ClaimsPrincipal user,
        IStockBins bins, InventoryDbContext db, ILocationDirectory locations, ICatalogLookup catalog, CancellationToken ct)
    {
        (locationCode, sku) = (locationCode.ToUpperInvariant(), sku.ToUpperInvariant());
        var errors = new Validator();
        var bin = BinLabel.Normalize(request.Bin);
        BinLabel.Validate(errors, "bin", bin);
        if (!errors.IsValid) return errors.ToProblem();
        if (!(await locations.AllAsync(ct)).ContainsKey(locationCode)) return Problems.NotFound("Location", locationCode);
        if (!(await catalog.FindVariantsAsync([sku], ct)).ContainsKey(sku)) return Problems.NotFound("SKU", sku);
        if (!user.MayActFor(locationCode)) return Problems.ForStoreOnly(user.BoundStore());

        await bins.AssignAsync(locationCode, [new BinAssignment(sku, bin)], ct);
        return TypedResults.Ok((await db.ReadPositionsAsync(locationCode, [sku], ct)).Single());
    }
}
