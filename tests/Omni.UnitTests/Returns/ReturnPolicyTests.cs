using Omni.Returns.Domain;

namespace Omni.UnitTests.Returns;

public sealed class ReturnPolicyTests
{
    private static readonly DateTime Bought = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    private static readonly ReturnPolicy Policy = ReturnPolicy.Default with
    {
        DefaultWindowDays = 30,
        CategoryWindows = [new CategoryWindow("electronics", 14), new CategoryWindow("electronics/phones", 7)],
        FinalSaleCategories = ["clearance"],
        FinalSaleSkus = ["GIFT-50"],
        Conditions =
        [
            new ConditionRule(ReturnCondition.Sellable, true, Disposition.Restock, []),
            new ConditionRule(ReturnCondition.Opened, true, Disposition.Unsellable, ["beauty"]),
            new ConditionRule(ReturnCondition.Damaged, false, Disposition.Unsellable, []),
        ],
    };

    private static PolicyDecision Decide(string category, ReturnCondition condition = ReturnCondition.Sellable, int daysLater = 1, string sku = "SKU-1") =>
        ReturnRules.Decide(Policy, new ReturnCandidate(sku, category, condition), Bought, Bought.AddDays(daysLater));

    [Theory]
    [InlineData("apparel/tops", 30, true)]
    [InlineData("apparel/tops", 31, false)]
    [InlineData("electronics", 14, true)]
    [InlineData("electronics/audio", 15, false)]
    [InlineData("electronics/phones", 7, true)]
    [InlineData("electronics/phones/cases", 8, false)]
    [InlineData("electronicsx", 20, true)]
    public void The_window_is_the_most_specific_category_window_on_whole_segments_else_the_default(string category, int daysLater, bool accepted)
    {
        var decision = Decide(category, daysLater: daysLater);

        Assert.Equal(accepted, decision.Accepted);
        if (!accepted) Assert.Equal(ReturnRules.WindowClosed, decision.RefusalCode);
    }

    [Fact]
    public void The_last_moment_of_the_window_is_still_inside_it()
    {
        var policy = ReturnPolicy.Default;
        var line = new ReturnCandidate("SKU-1", "any", ReturnCondition.Sellable);

        Assert.True(ReturnRules.Decide(policy, line, Bought, Bought.AddDays(30)).Accepted);
        Assert.Equal(ReturnRules.WindowClosed, ReturnRules.Decide(policy, line, Bought, Bought.AddDays(30).AddTicks(1)).RefusalCode);
    }

    [Theory]
    [InlineData("clearance", "SKU-1")]
    [InlineData("clearance/summer", "SKU-1")]
    [InlineData("apparel", "GIFT-50")]
    [InlineData("apparel", "gift-50")]
    public void Final_sale_items_are_refused_even_inside_the_window(string category, string sku) =>
        Assert.Equal(ReturnRules.FinalSale, Decide(category, sku: sku, daysLater: 0).RefusalCode);

    [Fact]
    public void Final_sale_is_said_before_a_closed_window() =>
        Assert.Equal(ReturnRules.FinalSale, Decide("clearance", daysLater: 400).RefusalCode);

    [Theory]
    [InlineData(ReturnCondition.Sellable, "beauty", null, Disposition.Restock)]
    [InlineData(ReturnCondition.Opened, "apparel", null, Disposition.Unsellable)]
    [InlineData(ReturnCondition.Opened, "beauty/lipstick", ReturnRules.ConditionNotAccepted, null)]
    [InlineData(ReturnCondition.Damaged, "apparel", ReturnRules.ConditionNotAccepted, null)]
    public void Conditions_decide_acceptance_and_disposition(ReturnCondition condition, string category, string? refusal, Disposition? disposition)
    {
        var decision = Decide(category, condition);

        Assert.Equal(refusal, decision.RefusalCode);
        if (disposition is { } expected) Assert.Equal(expected, decision.Disposition);
    }

    [Fact]
    public void A_condition_without_a_rule_is_refused()
    {
        var policy = Policy with { Conditions = [] };

        var decision = ReturnRules.Decide(policy, new ReturnCandidate("SKU-1", "apparel", ReturnCondition.Sellable), Bought, Bought);

        Assert.Equal(ReturnRules.ConditionNotAccepted, decision.RefusalCode);
    }

    [Fact]
    public void The_default_policy_restocks_sellable_and_opened_goods_and_keeps_damaged_ones_apart()
    {
        Disposition For(ReturnCondition c) => ReturnRules.Decide(ReturnPolicy.Default, new ReturnCandidate("S", "c", c), Bought, Bought).Disposition;

        Assert.Equal(Disposition.Restock, For(ReturnCondition.Sellable));
        Assert.Equal(Disposition.Restock, For(ReturnCondition.Opened));
        Assert.Equal(Disposition.Unsellable, For(ReturnCondition.Damaged));
    }
}
