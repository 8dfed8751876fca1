using Omni.Common.Data;
using Omni.Common.Validation;
using Omni.Contracts.Inventory;
using Omni.Inventory.Data;
using Omni.Inventory.Domain;

namespace Omni.Inventory.Stock;

internal sealed class StockBins(PositionSql positions, DbSession session, TimeProvider clock) : IStockBins
{
    public async Task AssignAsync(string locationCode, IReadOnlyList<BinAssignment> bins, CancellationToken ct)
    {
        var errors = new Validator();
        var normalized = bins.Select((b, i) =>
        {
            var bin = BinLabel.Normalize(b.Bin);
            BinLabel.Validate(errors, $"bins[{i}].bin", bin);
            return new BinAssignment(b.Sku.ToUpperInvariant(), bin);
        }).ToList();
        if (!errors.IsValid) throw errors.ToException();

        var at = clock.GetUtcNow().UtcDateTime;
        await session.InTransactionAsync(async () =>
        {
            await positions.AssignBinsAsync(locationCode.ToUpperInvariant(), normalized, at, ct);
            return true;
        }, ct);
    }
}
