using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omni.Contracts.Customers;
using Omni.Customers.Data;
using Omni.Customers.Interactions;
using Omni.IntegrationTests.Infrastructure;
using static Omni.IntegrationTests.Customers.CustomerSeed;

namespace Omni.IntegrationTests.Customers;

public abstract class CustomersTests(OmniFactory omni)
{
    private readonly HttpClient _client = omni.Admin();

    private Task<int> AuditRows(Guid customerId, string action) => omni.InScope(sp =>
        sp.GetRequiredService<CustomersDbContext>().Audit.CountAsync(a => a.CustomerId == customerId && a.Action == action));

    [Fact]
    public async Task The_same_email_from_the_web_shop_and_a_store_till_is_one_profile_with_both_orders_and_their_points()
    {
        var (store, sku) = await Shop(_client);
        var email = Email();
        var phone = Phone();
        var web = await WebOrder(_client, sku, email, Spaced(phone));
        var sale = await StoreSale(_client, store, sku, email.ToUpperInvariant());
        await omni.WaitForSubscribersAsync();

        var found = Assert.Single((await FindByEmail(_client, email)).EnumerateArray());
        var id = found.GetProperty("id").GetGuid();
        Assert.Equal([phone], Strings(found.GetProperty("phones")));
        Assert.Equal("Ana Test", found.GetProperty("name").GetString());

        var view = await Get(_client, id);
        var orders = view.GetProperty("orders").EnumerateArray().ToList();
        Assert.Equal(new[] { sale.GetProperty("id").GetGuid(), web.GetProperty("id").GetGuid() }.Order(), orders.Select(o => o.GetProperty("orderId").GetGuid()).Order());
        Assert.Equal(["store", "web"], orders.Select(o => o.GetProperty("channel").GetString()).Order());
        // 1 point per euro, fractions dropped: 2 × 25.00 on the web, 12.50 at the till.
        Assert.Equal(62, view.GetProperty("loyalty").GetProperty("balance").GetInt64());
        Assert.Equal("member", view.GetProperty("loyalty").GetProperty("tier").GetProperty("name").GetString());
        // The search and the 360 were both full reads by an unbound key.
        Assert.Equal(2, await AuditRows(id, "personal_data_read"));
    }

    [Fact]
    public async Task The_360_shows_the_returns_of_the_customer_s_orders_at_any_store_and_the_cart_they_are_filling_now()
    {
        var (store, sku) = await Shop(_client);
        // A till sale: paid at once, so its refund has something to come from.
        var order = await StoreSale(_client, store, sku, Email());
        var customerId = order.GetProperty("customerId").GetGuid();
        var returned = await (await _client.PostJson("/api/v1/returns", new
        {
            orderId = order.GetProperty("id").GetGuid(), locationCode = store, refundTo = "originalTender",
            lines = new[] { new { sku, quantity = 1, condition = "sellable", reason = "too small" } },
        }, Guid.NewGuid().ToString())).Json(HttpStatusCode.Created);
        var (device, cartId) = await Carts.CartClient.NewCart(_client);
        await device.Add(cartId, sku, 3);
        await (await device.Send(HttpMethod.Post, $"/api/v1/carts/{cartId}/assign", new { customerId })).Json(HttpStatusCode.OK);
        await omni.WaitForSubscribersAsync();

        var view = await Get(_client, customerId);

        var back = Assert.Single(view.GetProperty("returns").EnumerateArray());
        Assert.Equal((returned.GetProperty("id").GetGuid(), order.GetProperty("id").GetGuid(), store, 1),
            (back.GetProperty("returnId").GetGuid(), back.GetProperty("orderId").GetGuid(), back.GetProperty("locationCode").GetString(), back.GetProperty("units").GetInt32()));
        Assert.Equal(12.50m, back.GetProperty("refund").GetProperty("amount").GetDecimal());
        var cart = view.GetProperty("cart");
        Assert.Equal(cartId, cart.GetProperty("cartId").GetGuid());
        Assert.Equal((sku, 3), (cart.GetProperty("lines")[0].GetProperty("sku").GetString(), cart.GetProperty("lines")[0].GetProperty("quantity").GetInt32()));
        Assert.Equal(75.00m, cart.GetProperty("total").GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task Resolving_again_by_any_identity_finds_the_profile_and_attaches_the_new_identities()
    {
        var email = Email();
        var phone = Phone();
        var id = await Resolve(_client, new { email, name = "Léa" });
        var again = await Resolve(_client, new { email = $"  {email.ToUpperInvariant()} ", phone = Spaced(phone), loyaltyId = "LOY-" + phone[4..] }, HttpStatusCode.OK);
        var byPhone = await Resolve(_client, new { phone }, HttpStatusCode.OK);

        Assert.Equal(id, again);
        Assert.Equal(id, byPhone);
        var profile = (await Get(_client, id)).GetProperty("profile");
        Assert.Equal([email], Strings(profile.GetProperty("emails")));
        Assert.Equal([phone], Strings(profile.GetProperty("phones")));
        Assert.Equal(["LOY-" + phone[4..]], Strings(profile.GetProperty("loyaltyIds")));
        Assert.False(profile.GetProperty("masked").GetBoolean());
    }

    [Fact]
    public async Task Merging_two_profiles_unifies_identities_orders_interactions_consents_and_points()
    {
        var (store, sku) = await Shop(_client);
        var webEmail = Email();
        var tillPhone = Phone();
        await WebOrder(_client, sku, webEmail, null);
        await StoreSale(_client, store, sku, null, tillPhone, 40.00m);
        await omni.WaitForSubscribersAsync();
        var into = (await FindByEmail(_client, webEmail))[0].GetProperty("id").GetGuid();
        var from = await Resolve(_client, new { phone = tillPhone }, HttpStatusCode.OK);
        Assert.NotEqual(into, from);
        var device = OmniFactory.Unique("DEV");
        await Interactions(_client, Viewed(device, sku, DateTime.UtcNow.AddMinutes(-1), from));
        await (await _client.PostJson($"/api/v1/customers/{from}/consents", new { purpose = "sms", granted = true, channel = "store" })).Json(HttpStatusCode.Created);

        var merged = await (await _client.PostJson($"/api/v1/customers/{into}/merge", new { from })).Json(HttpStatusCode.OK);

        Assert.Equal(into, merged.GetProperty("id").GetGuid());
        var view = await Get(_client, into);
        Assert.Equal([webEmail], Strings(view.GetProperty("profile").GetProperty("emails")));
        Assert.Equal([tillPhone], Strings(view.GetProperty("profile").GetProperty("phones")));
        Assert.Equal(["store", "web"], view.GetProperty("orders").EnumerateArray().Select(o => o.GetProperty("channel").GetString()).Order());
        Assert.Equal(device, Assert.Single(view.GetProperty("recentInteractions").EnumerateArray()).GetProperty("deviceId").GetString());
        Assert.Equal("sms", Assert.Single(view.GetProperty("consents").EnumerateArray()).GetProperty("purpose").GetString());
        Assert.Equal(50 + 40, view.GetProperty("loyalty").GetProperty("balance").GetInt64());
        // The old id still resolves, to the survivor; the identities now find the survivor too.
        Assert.Equal(into, (await Get(_client, from)).GetProperty("profile").GetProperty("id").GetGuid());
        Assert.Equal(into, await Resolve(_client, new { phone = tillPhone }, HttpStatusCode.OK));
        Assert.Equal(1, await AuditRows(into, "merge"));
        Assert.Equal(1, await omni.InScope(sp => sp.GetRequiredService<CustomersDbContext>().Outbox
            .CountAsync(e => e.Type == "customer.merged" && e.Data.Contains(from.ToString()))));

        await (await _client.PostJson($"/api/v1/customers/{into}/merge", new { from })).Problem(HttpStatusCode.Conflict, "customer_not_mergeable");
    }

    [Fact]
    public async Task A_store_bound_key_sees_contact_data_masked_and_only_unmasked_reads_are_audited()
    {
        var store = await ApiSeed.Location(_client, "MASK");
        var created = await (await _client.PostJson("/api/v1/api-keys", new { name = OmniFactory.Unique("till"), scopes = new[] { "customers" }, storeCode = store }))
            .Json(HttpStatusCode.Created);
        var till = omni.ClientWithKey(created.GetProperty("key").GetString());
        var email = $"ana.{Guid.NewGuid():N}@example.com";
        var id = await Resolve(_client, new { email, phone = Phone()[..10] + "12" });
        var readsBefore = await AuditRows(id, "personal_data_read");

        var masked = (await Get(till, id)).GetProperty("profile");
        var found = Assert.Single((await FindByEmail(till, email)).EnumerateArray());

        Assert.True(masked.GetProperty("masked").GetBoolean());
        Assert.Equal(["a***@example.com"], Strings(masked.GetProperty("emails")));
        var phone = Assert.Single(Strings(masked.GetProperty("phones")));
        Assert.Matches(@"^\+33 6 •• •• •• 12$", phone);
        Assert.Equal(["a***@example.com"], Strings(found.GetProperty("emails")));
        Assert.Equal(readsBefore, await AuditRows(id, "personal_data_read"));

        var full = (await Get(_client, id)).GetProperty("profile");
        Assert.Equal([email], Strings(full.GetProperty("emails")));
        Assert.Equal(readsBefore + 1, await AuditRows(id, "personal_data_read"));

        await (await till.GetAsync($"/api/v1/customers/{id}/export")).Problem(HttpStatusCode.Forbidden, "forbidden");
        await (await till.PostAsync($"/api/v1/customers/{id}/erase", null)).Problem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Anonymous_browsing_on_a_device_joins_the_profile_when_the_shopper_signs_in()
    {
        var device = OmniFactory.Unique("DEV");
        var other = OmniFactory.Unique("DEV");
        var now = DateTime.UtcNow;
        await Interactions(_client,
            Viewed(device, "SKU-1", now.AddMinutes(-30)),
            new { type = "searched", deviceId = device, channel = "app", occurredAt = now.AddMinutes(-20), payload = new { query = "red shoes" } },
            Viewed(other, "SKU-2", now.AddMinutes(-10)));
        var id = await Resolve(_client, new { email = Email() });
        Assert.Empty((await Get(_client, id)).GetProperty("recentInteractions").EnumerateArray());

        var linked = await (await _client.PostJson($"/api/v1/customers/{id}/devices", new { deviceId = device })).Json(HttpStatusCode.OK);
        await Interactions(_client, new { type = "store_visited", deviceId = device, channel = "store", occurredAt = now, payload = new { locationCode = "STORE-1" } });

        Assert.Equal(2, linked.GetProperty("interactionsJoined").GetInt32());
        var interactions = (await Get(_client, id)).GetProperty("recentInteractions").EnumerateArray().ToList();
        Assert.Equal(["store_visited", "searched", "product_viewed"], interactions.Select(i => i.GetProperty("type").GetString()));
        Assert.Equal("red shoes", interactions[1].GetProperty("payload").GetProperty("query").GetString());
        Assert.All(interactions, i => Assert.Equal(device, i.GetProperty("deviceId").GetString()));
    }

    [Fact]
    public async Task The_consent_ledger_only_grows_and_the_latest_decision_per_purpose_is_the_current_state()
    {
        var id = await Resolve(_client, new { email = Email() });
        var t0 = DateTime.UtcNow.AddHours(-3);
        async Task Record(string purpose, bool granted, DateTime at) =>
            await (await _client.PostJson($"/api/v1/customers/{id}/consents", new { purpose, granted, channel = "web", occurredAt = at })).Json(HttpStatusCode.Created);

        await Record("email", true, t0);
        await Record("email", false, t0.AddHours(2));
        await Record("sms", true, t0.AddHours(1));
        // Given at the till an hour before the withdrawal, synchronized late: it does not override the later withdrawal.
        await Record("email", true, t0.AddHours(1));

        var ledger = await (await _client.GetAsync($"/api/v1/customers/{id}/consents")).Json(HttpStatusCode.OK);
        var current = ledger.GetProperty("current").EnumerateArray().ToDictionary(c => c.GetProperty("purpose").GetString()!, c => c.GetProperty("granted").GetBoolean());
        Assert.Equal(new Dictionary<string, bool> { ["email"] = false, ["sms"] = true }, current);
        Assert.Equal(4, ledger.GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task Points_are_redeemed_atomically_once_per_reference_and_never_below_zero()
    {
        var (_, sku) = await Shop(_client);
        var email = Email();
        await WebOrder(_client, sku, email, null);
        await omni.WaitForSubscribersAsync();
        var id = (await FindByEmail(_client, email))[0].GetProperty("id").GetGuid();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => omni.InScope(sp =>
            sp.GetRequiredService<ILoyaltyPoints>().RedeemAsync(id, 20, $"checkout-{id}-{i}", CancellationToken.None))));
        var retry = await omni.InScope(sp => sp.GetRequiredService<ILoyaltyPoints>().RedeemAsync(id, 20, $"checkout-{id}-0", CancellationToken.None));

        Assert.Equal(2, outcomes.Count(o => o.Succeeded));
        Assert.True(retry.Succeeded == outcomes[0].Succeeded);
        var loyalty = await (await _client.GetAsync($"/api/v1/customers/{id}/loyalty")).Json(HttpStatusCode.OK);
        Assert.Equal(10, loyalty.GetProperty("summary").GetProperty("balance").GetInt64());
        Assert.Equal(50, loyalty.GetProperty("summary").GetProperty("earned").GetInt64());
        Assert.Equal(["redeem", "redeem", "earn"], loyalty.GetProperty("ledger").EnumerateArray().Select(l => l.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Many_requests_resolving_the_same_new_email_at_once_create_exactly_one_profile()
    {
        var email = Email();
        var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            _client.PostJson("/api/v1/customers", new { email, deviceIds = new[] { $"device-{i}-{email}" } })));
        var ids = new List<Guid>();
        foreach (var response in responses)
            ids.Add((await response.Json(response.StatusCode == HttpStatusCode.Created ? HttpStatusCode.Created : HttpStatusCode.OK))
                .GetProperty("customer").GetProperty("id").GetGuid());

        Assert.Single(ids.Distinct());
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        var (profiles, devices) = await omni.InScope(async sp =>
        {
            var db = sp.GetRequiredService<CustomersDbContext>();
            var owners = await db.Identities.Where(i => i.Value == email).Select(i => i.CustomerId).ToListAsync();
            return (await db.Customers.CountAsync(c => owners.Contains(c.Id)), await db.Identities.CountAsync(i => i.CustomerId == ids[0] && i.Value.EndsWith(email)));
        });
        Assert.Equal(1, profiles);
        Assert.Equal(25, devices);
    }

    [Fact]
    public async Task Sign_ins_racing_on_a_new_device_leave_it_linked_to_exactly_one_profile()
    {
        var first = await Resolve(_client, new { email = Email() });
        var second = await Resolve(_client, new { email = Email() });
        var device = OmniFactory.Unique("SHARED");

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            _client.PostJson($"/api/v1/customers/{(i % 2 == 0 ? first : second)}/devices", new { deviceId = device })));

        foreach (var response in responses) await response.Json(HttpStatusCode.OK);
        var owners = await omni.InScope(sp => sp.GetRequiredService<CustomersDbContext>().Identities.Where(i => i.Value == device).Select(i => i.CustomerId).ToListAsync());
        Assert.Contains(Assert.Single(owners), new[] { first, second });
    }

    [Fact]
    public async Task Interactions_past_retention_are_purged_and_recent_ones_stay()
    {
        var device = OmniFactory.Unique("DEV");
        await Interactions(_client, Viewed(device, "OLD", DateTime.UtcNow.AddDays(-400)), Viewed(device, "NEW", DateTime.UtcNow.AddDays(-1)));

        var purged = await omni.Services.GetRequiredService<InteractionRetention>().PurgeAsync(CancellationToken.None);

        Assert.True(purged >= 1);
        var left = await omni.InScope(sp => sp.GetRequiredService<CustomersDbContext>().Interactions.Where(i => i.DeviceId == device).Select(i => i.Payload).ToListAsync());
        Assert.Contains("NEW", Assert.Single(left));
    }
}

public sealed class CustomersTests_Sqlite(SqliteOmni omni) : CustomersTests(omni), IClassFixture<SqliteOmni>;

public sealed class CustomersTests_Postgres(PostgresOmni omni) : CustomersTests(omni), IClassFixture<PostgresOmni>;
