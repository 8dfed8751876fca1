using System.Security.Cryptography;
using System.Text;
using Omni.Contracts;
using Omni.Integration.Webhooks;

namespace Omni.UnitTests.Integration;

public sealed class WebhookSignatureTests
{
    [Fact]
    public void The_signature_matches_the_Standard_Webhooks_published_vector()
    {
        // The example from the Standard Webhooks specification, and checked with Python's hmac module.
        var signature = WebhookSignature.Sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, """{"test": 2432232314}""");

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public void The_signature_is_an_hmac_of_id_timestamp_and_body_keyed_with_the_decoded_secret()
    {
        var key = RandomNumberGenerator.GetBytes(24);
        var secret = "whsec_" + Convert.ToBase64String(key);
        const string body = """{"type":"order.placed","data":{"note":"é"}}""";

        using var hmac = new HMACSHA256(key);
        var expected = "v1," + Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes("id-1.1700000000." + body)));

        Assert.Equal(expected, WebhookSignature.Sign(secret, "id-1", 1700000000, body));
    }

    [Fact]
    public void A_generated_secret_is_whsec_and_24_random_bytes()
    {
        var secret = WebhookSignature.GenerateSecret();

        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Equal(24, WebhookSignature.KeyOf(secret)!.Length);
        Assert.NotEqual(secret, WebhookSignature.GenerateSecret());
    }

    [Theory]
    [InlineData("order.placed", "order.placed", true)]
    [InlineData("order.*", "order.cancelled", true)]
    [InlineData("*", "inventory.changed", true)]
    [InlineData("order.*", "orders.placed", false)]
    [InlineData("order.placed", "order.cancelled", false)]
    public void Patterns_match_exact_types_prefixes_and_everything(string pattern, string type, bool matches) =>
        Assert.Equal(matches, EventPatterns.Matches(pattern, type));

    [Fact]
    public void Every_contract_event_type_can_be_subscribed_to()
    {
        var published = typeof(EventTypes).Assembly.GetTypes()
            .Where(t => t.GetInterfaces().Any(i => i.Name == "IEvent"))
            .Select(t => (string)t.GetProperty("EventType")!.GetValue(null)!);

        Assert.Equal(published.Order(), EventTypes.All.Order());
        Assert.False(EventPatterns.IsKnown("order.exploded"));
        Assert.True(EventPatterns.IsKnown("inventory.*"));
    }
}
