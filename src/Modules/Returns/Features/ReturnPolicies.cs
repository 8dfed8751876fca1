using Microsoft.EntityFrameworkCore;
using Omni.Returns.Data;
using Omni.Returns.Domain;

namespace Omni.Returns.Features;

public sealed record ReturnPolicyDetails(int DefaultWindowDays, IReadOnlyList<CategoryWindow> CategoryWindows, IReadOnlyList<string> FinalSaleCategories,
    IReadOnlyList<string> FinalSaleSkus, IReadOnlyList<ConditionRule> Conditions, DateTime? UpdatedAt, string? UpdatedBy);

/// <summary>Reads and writes the one stored policy (the migration stores <see cref="ReturnPolicy.Default"/> first).</summary>
internal static class ReturnPolicies
{
    public static async Task<(ReturnPolicy Policy, PolicyRecord Record)> LoadAsync(ReturnsDbContext db, CancellationToken ct)
    {
        var record = await db.Policies.FirstAsync(p => p.Id == PolicyRecord.SingletonId, ct);
        return (ReturnPolicy.FromDocument(record.Document), record);
    }

    public static ReturnPolicyDetails ToDetails(ReturnPolicy p, PolicyRecord record) =>
        new(p.DefaultWindowDays, p.CategoryWindows, p.FinalSaleCategories, p.FinalSaleSkus, p.Conditions, record.UpdatedAt, record.UpdatedBy);
}
