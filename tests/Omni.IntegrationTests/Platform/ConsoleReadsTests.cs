using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Omni.Contracts.Audit;
using Omni.IntegrationTests.Infrastructure;

namespace Omni.IntegrationTests.Platform;

/// <summary>The reads the manager console added to the API and the modules' audit sources it merges.</summary>
public abstract class ConsoleReadsTests(OmniFactory omni)
{
    private readonly HttpClient _admin = omni.Admin();

    [Fact]
    public async Task Coupons_list_newest_first_with_their_code_counts_and_page_by_cursor()
    {
        var sku = await ApiSeed.Product(_admin, 10.00m);
        var promotion = await (await _admin.PostJson("/api/v1/pricing/promotions", new
        {
            code = OmniFactory.Unique("LISTED"), name = "Listed", kind = "percentOff", target = new { type = "sku", values = new[] { sku } }, percent = 10, couponOnly = true,
        })).Json(HttpStatusCode.Created);
        var names = new List<string>();
        foreach (var count in new[] { 3, 1, 2 })
        {
            var name = OmniFactory.Unique("batch");
            await (await _admin.PostJson("/api/v1/pricing/coupons", new { name, promotionId = promotion.GetProperty("id").GetGuid(), kind = "unique", count }))
                .Json(HttpStatusCode.Created);
            names.Add(name);
        }

        var first = await (await _admin.GetAsync("/api/v1/pricing/coupons?limit=2")).Json(HttpStatusCode.OK);
        var items = first.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([names[2], names[1]], items.Select(c => c.GetProperty("name").GetString()));
        Assert.Equal([2, 1], items.Select(c => c.GetProperty("codeCount").GetInt32()));
        var next = first.GetProperty("next").GetString();
        var second = await (await _admin.GetAsync($"/api/v1/pricing/coupons?limit=2&after={next}")).Json(HttpStatusCode.OK);
        Assert.Equal(names[0], second.GetProperty("items")[0].GetProperty("name").GetString());
        Assert.Equal(3, second.GetProperty("items")[0].GetProperty("codeCount").GetInt32());

        await (await _admin.GetAsync("/api/v1/pricing/coupons?after=not-a-cursor")).Problem(HttpStatusCode.BadRequest, "validation_failed");
        await (await _admin.GetAsync("/api/v1/pricing/coupons?limit=0")).Problem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task The_backlog_counts_an_orders_waiting_fulfillment_at_its_origin_until_it_is_cancelled()
    {
        var warehouse = await ApiSeed.Location(_admin, "BACKLOG", "warehouse");
        var sku = await ApiSeed.Product(_admin);
        await ApiSeed.Stock(_admin, warehouse, sku, 5);
        var order = await (await _admin.PostJson("/api/v1/orders", new
        {
            channel = "web", customer = new { email = "ana@example.com", name = "Ana" },
            shippingAddress = new { line1 = "1 rue X", city = "Paris", postalCode = "75001", country = "FR", latitude = 48.86, longitude = 2.35 },
            lines = new[] { new { sku, quantity = 2, fulfillment = new { method = "ship" } } },
        })).Json(HttpStatusCode.Created);

        var backlog = await (await _admin.GetAsync("/api/v1/fulfillments/backlog")).Json(HttpStatusCode.OK);
        var row = Assert.Single(backlog.GetProperty("counts").EnumerateArray(), c => c.GetProperty("locationCode").GetString() == warehouse);
        Assert.Equal("allocated", row.GetProperty("status").GetString());
        Assert.Equal(1, row.GetProperty("fulfillments").GetInt32());

        await (await _admin.PostJson($"/api/v1/orders/{order.GetProperty("id").GetGuid()}/cancel", new { reason = "test" })).Json(HttpStatusCode.OK);
        backlog = await (await _admin.GetAsync("/api/v1/fulfillments/backlog")).Json(HttpStatusCode.OK);
        Assert.DoesNotContain(backlog.GetProperty("counts").EnumerateArray(), c => c.GetProperty("locationCode").GetString() == warehouse);
    }

    [Fact]
    public async Task Api_key_changes_and_sourcing_rule_versions_reach_the_audit_log_with_who_made_them()
    {
        var name = OmniFactory.Unique("audited key");
        var key = await (await _admin.PostJson("/api/v1/api-keys", new { name, scopes = new[] { "read" } })).Json(HttpStatusCode.Created);
        await (await _admin.PostAsync($"/api/v1/api-keys/{key.GetProperty("id").GetGuid()}/revoke", null)).Json(HttpStatusCode.OK);
        await (await _admin.PostAsync($"/api/v1/api-keys/{key.GetProperty("id").GetGuid()}/revoke", null)).Json(HttpStatusCode.OK);
        var rules = (await (await _admin.GetAsync("/api/v1/sourcing/rules")).Json(HttpStatusCode.OK)).GetProperty("rules");
        var saved = await (await _admin.PutJson("/api/v1/sourcing/rules", rules)).Json(HttpStatusCode.OK);
        await (await _admin.PostJson("/api/v1/api-keys", new { name, scopes = new[] { "no-such-scope" } })).Problem(HttpStatusCode.BadRequest, "validation_failed");

        var records = await omni.InScope(async sp =>
        {
            var all = new List<AuditRecord>();
            foreach (var source in sp.GetServices<IAuditSource>()) all.AddRange(await source.NewestAsync(new AuditQuery("bootstrap admin", null, null, null, 1000), CancellationToken.None));
            return all;
        });
        var mine = records.Where(r => r.Subject == name).Select(r => r.Kind).ToList();
        Assert.Equal(["api_key.revoked", "api_key.created"], mine.Order(StringComparer.Ordinal).Reverse());
        Assert.Contains(records, r => r.Kind == "sourcing.rules_saved" && r.Subject == $"version {saved.GetProperty("version").GetInt32()}");
        Assert.All(records, r => Assert.Equal("bootstrap admin", r.Actor));

        var onlyRevoked = await omni.InScope(async sp =>
        {
            var all = new List<AuditRecord>();
            foreach (var source in sp.GetServices<IAuditSource>()) all.AddRange(await source.NewestAsync(new AuditQuery(null, "api_key.revoked", null, null, 1000), CancellationToken.None));
            return all;
        });
        Assert.All(onlyRevoked, r => Assert.Equal("api_key.revoked", r.Kind));
        Assert.Single(onlyRevoked, r => r.Subject == name);
    }

    [Fact]
    public async Task Price_exceptions_reach_the_audit_log_without_an_actor_and_an_actor_filter_leaves_them_out()
    {
        var sku = await ApiSeed.Product(_admin, 20.00m);
        await (await _admin.PostJson("/api/v1/pricing/exceptions", new { sku, channel = "web", price = new { amount = 18.00m, currency = "EUR" }, reason = "web price" }))
            .Json(HttpStatusCode.Created);

        async Task<List<AuditRecord>> Read(AuditQuery query) => await omni.InScope(async sp =>
        {
            var all = new List<AuditRecord>();
            foreach (var source in sp.GetServices<IAuditSource>()) all.AddRange(await source.NewestAsync(query, CancellationToken.None));
            return all;
        });
        var record = Assert.Single(await Read(new AuditQuery(null, "pricing.price_exception_created", null, null, 1000)), r => r.Subject == sku);
        Assert.Equal("(not recorded)", record.Actor);
        Assert.Contains("web price", record.Detail);
        Assert.DoesNotContain(await Read(new AuditQuery("bootstrap admin", null, null, null, 1000)), r => r.Subject == sku);
        Assert.DoesNotContain(await Read(new AuditQuery(null, "pricing.price_exception_created", null, record.At, 1000)), r => r.Subject == sku);
    }
}

public sealed class ConsoleReadsTests_Sqlite(SqliteOmni omni) : ConsoleReadsTests(omni), IClassFixture<SqliteOmni>;

public sealed class ConsoleReadsTests_Postgres(PostgresOmni omni) : ConsoleReadsTests(omni), IClassFixture<PostgresOmni>;
