using Omni.Carts.Domain;
using Omni.Common.Errors;
using Omni.Contracts;

namespace Omni.UnitTests.Carts;

public sealed class CartTransitionTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

    private static readonly HashSet<(CartStatus, CartStatus)> Allowed =
    [
        (CartStatus.Active, CartStatus.Merged),
        (CartStatus.Active, CartStatus.Converted),
    ];

    // By name: the status enum is internal, and a public theory cannot take it as a parameter.
    public static TheoryData<string, string> EveryPair()
    {
        var pairs = new TheoryData<string, string>();
        foreach (var from in Enum.GetNames<CartStatus>())
            foreach (var to in Enum.GetNames<CartStatus>())
                pairs.Add(from, to);
        return pairs;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void The_transition_table_allows_exactly_the_documented_moves(string from, string to)
    {
        var (source, target) = (Enum.Parse<CartStatus>(from), Enum.Parse<CartStatus>(to));
        Assert.Equal(Allowed.Contains((source, target)), Cart.CanMove(source, target));
    }

    private static Cart NewCart(params (string Sku, int Quantity)[] lines)
    {
        var cart = Cart.Create("hash", SalesChannel.Web, "phone", Now);
        foreach (var (sku, quantity) in lines) cart.Add(sku, sku, "EUR", quantity, null, Now);
        return cart;
    }

    [Fact]
    public void Merging_adds_up_the_quantities_of_a_sku_in_both_carts_and_leaves_the_other_merged()
    {
        var customers = NewCart(("A", 1), ("B", 2));
        var device = NewCart(("B", 3), ("C", 1));

        customers.Absorb(device, Now);

        Assert.Equal(new Dictionary<string, int> { ["A"] = 1, ["B"] = 5, ["C"] = 1 }, customers.Lines.ToDictionary(l => l.Sku, l => l.Quantity));
        Assert.Equal(CartStatus.Merged, device.Status);
        Assert.Equal(customers.Id, device.MergedInto);
    }

    [Fact]
    public void A_merged_or_converted_cart_refuses_every_change()
    {
        var merged = NewCart(("A", 1));
        NewCart().Absorb(merged, Now);
        var converted = NewCart(("A", 1));
        converted.Convert(Guid.NewGuid(), "OM0000001", null, null, Now);

        foreach (var cart in new[] { merged, converted })
        {
            Assert.Equal("cart_not_active", Assert.Throws<DomainException>(() => cart.Add("B", "B", "EUR", 1, null, Now)).Code);
            Assert.Equal("cart_not_active", Assert.Throws<DomainException>(() => cart.Hold(Now, Now)).Code);
            Assert.Equal("invalid_transition", Assert.Throws<DomainException>(() => cart.Convert(Guid.NewGuid(), "OM2", null, null, Now)).Code);
        }
    }

    [Fact]
    public void Every_change_bumps_the_version_a_checkout_checks()
    {
        var cart = NewCart(("A", 1));
        var before = cart.Version;
        cart.Change(cart.Line("A")!, 4, null, Now);
        cart.Update("STORE-1", null, ["WELCOME"], Now);
        Assert.Equal(before + 2, cart.Version);
    }

    [Fact]
    public void A_second_currency_is_refused()
    {
        var cart = NewCart(("A", 1));
        Assert.Equal("mixed_currency", Assert.Throws<DomainException>(() => cart.Add("U", "U", "USD", 1, null, Now)).Code);
    }

    [Theory]
    [InlineData("k7m2-9qxd", "K7M29QXD")]
    [InlineData("K7M2 9QXD", "K7M29QXD")]
    [InlineData("K7M29QX", null)]
    [InlineData("K7M2-9QX0", null)]
    [InlineData("K7M2-9QXI", null)]
    public void A_typed_handoff_code_reads_without_regard_to_case_spaces_and_dashes(string typed, string? stored)
    {
        Assert.Equal(stored, HandoffCode.Normalize(typed));
    }

    [Fact]
    public void A_new_handoff_code_reads_back_as_itself()
    {
        var code = HandoffCode.New();
        Assert.Equal(code, HandoffCode.Normalize(HandoffCode.Display(code)));
    }
}
