using Omni.Contracts.Customers;
using Omni.Customers;
using Omni.Customers.Domain;

namespace Omni.UnitTests.Customers;

public sealed class IdentitiesTests
{
    [Theory]
    [InlineData("  Ana@Example.COM ", "ana@example.com")]
    [InlineData("a.b+tag@shop.example.fr", "a.b+tag@shop.example.fr")]
    [InlineData("no-at-sign", null)]
    [InlineData("two words@example.com", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Emails_are_trimmed_and_lower_cased(string? raw, string? expected) => Assert.Equal(expected, Identities.Email(raw));

    [Theory]
    [InlineData("+33 6 12 34 56 78", null, "+33612345678")]
    [InlineData("+33 (0)6.12.34.56.78", null, "+33612345678")]
    [InlineData("0033612345678", "FR", "+33612345678")]
    [InlineData("06 12 34 56 78", "FR", "+33612345678")]
    [InlineData("06 12 34 56 78", null, null)]
    [InlineData("+1 415-555-0132", null, "+14155550132")]
    [InlineData("12", null, null)]
    [InlineData("call me", null, null)]
    public void Phones_become_E164_and_national_numbers_need_a_default_region(string raw, string? region, string? expected) =>
        Assert.Equal(expected, Identities.Phone(raw, region));

    [Fact]
    public void Masking_keeps_enough_to_confirm_with_the_shopper_and_no_more()
    {
        Assert.Equal("a***@example.com", Identities.MaskEmail("ana@example.com"));
        Assert.Equal("+33 6 •• •• •• 12", Identities.MaskPhone("+33612345612"));
        Assert.Equal("+1 4••-•••-••32", Identities.MaskPhone("+14155550132"));
    }

    [Fact]
    public void Identities_are_ordered_strongest_first_and_unusable_ones_are_dropped()
    {
        var keys = CustomerDirectory.Keys(new CustomerIdentities("Ana@Example.com", "+33612345678", " LOY-1 ", ["dev-1", "bad device", "dev-1"]), null);

        Assert.Equal(
            [(IdentityKind.Loyalty, "LOY-1"), (IdentityKind.Email, "ana@example.com"), (IdentityKind.Phone, "+33612345678"), (IdentityKind.Device, "dev-1")],
            keys);
    }
}

public sealed class ConsentAndTierTests
{
    private static ConsentEntry Decision(ConsentPurpose purpose, bool granted, int givenHour, int recordedHour) => new()
    {
        Purpose = purpose, Granted = granted, Channel = "web", RecordedBy = "test",
        OccurredAt = new DateTime(2026, 1, 1, givenHour, 0, 0, DateTimeKind.Utc), RecordedAt = new DateTime(2026, 1, 2, recordedHour, 0, 0, DateTimeKind.Utc),
    };

    [Fact]
    public void The_current_consent_is_the_latest_decision_by_when_it_was_given_not_when_it_arrived()
    {
        var current = ConsentState.Current(
        [
            Decision(ConsentPurpose.Email, granted: true, givenHour: 1, recordedHour: 1),
            Decision(ConsentPurpose.Email, granted: false, givenHour: 3, recordedHour: 2),
            Decision(ConsentPurpose.Email, granted: true, givenHour: 2, recordedHour: 5),
            Decision(ConsentPurpose.Sms, granted: true, givenHour: 1, recordedHour: 1),
        ]);

        Assert.Equal([(ConsentPurpose.Email, false), (ConsentPurpose.Sms, true)], current.Select(c => (c.Purpose, c.Granted)));
    }

    [Theory]
    [InlineData(0, "member", "silver")]
    [InlineData(499, "member", "silver")]
    [InlineData(500, "silver", "gold")]
    [InlineData(50_000, "gold", null)]
    public void The_tier_is_the_highest_reached_by_points_earned(long earned, string current, string? next)
    {
        LoyaltyTier[] tiers = [new() { Name = "gold", MinPoints = 2_000 }, new() { Name = "member", MinPoints = 0 }, new() { Name = "silver", MinPoints = 500 }];

        var (tier, following) = LoyaltyTier.For(tiers, earned);

        Assert.Equal(current, tier?.Name);
        Assert.Equal(next, following?.Name);
    }
}
