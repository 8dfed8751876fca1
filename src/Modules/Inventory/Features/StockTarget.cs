using System.Security.Claims;
using Omni.Common.Errors;
using Omni.Common.Validation;
using Omni.Contracts.Catalog;
using Omni.Contracts.Identity;
using Omni.Contracts.Locations;

namespace Omni.Inventory.Features;

/// <summary>Resolves the location and SKU a stock write names: both must exist, and a store-bound key may only touch its store.</summary>
internal sealed class StockTarget(ILocationDirectory locations, ICatalogLookup catalog)
{
    public async Task<IResult?> CheckAsync(ClaimsPrincipal user, string locationCode, string sku, Validator errors, CancellationToken ct,
        string locationField = "locationCode", string skuField = "sku")
    {
        var all = await locations.AllAsync(ct);
        if (!all.ContainsKey(locationCode)) errors.Add(locationField, $"Location '{locationCode}' does not exist.");
        if (!(await catalog.FindVariantsAsync([sku], ct)).ContainsKey(sku)) errors.Add(skuField, $"SKU '{sku}' does not exist.");
        if (!errors.IsValid) return errors.ToProblem();
        return user.MayActFor(locationCode) ? null : Problems.ForStoreOnly(user.BoundStore());
    }
}
