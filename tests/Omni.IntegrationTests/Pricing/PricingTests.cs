using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omni.IntegrationTests.Infrastructure;
using Omni.Pricing.Data;

namespace Omni.IntegrationTests.Pricing;

/// <summary>Promotions and price exceptions are global, so every test targets SKUs of its own (never the whole cart).</summary>
public abstract class PricingTests(OmniFactory omni)
{
    private readonly HttpClient _client = omni.Admin();

    private static object PercentOff(string code, string sku, decimal percent, string[]? channels = null) => new
    {
        code, name = $"{percent} % off", kind = "percentOff", target = new { type = "sku", values = new[] { sku } }, percent,
        channels = channels ?? [],
    };

    private async Task<JsonElement> CreatePromotion(object body) =>
        await (await _client.PostJson("/api/v1/pricing/promotions", body)).Json(HttpStatusCode.Created);

    private async Task<JsonElement> Quote(string channel, string? locationCode, params (string Sku, int Quantity)[] lines) =>
        await (await _client.PostJson("/api/v1/pricing/quote", new
        {
            channel, locationCode, lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }),
        })).Json(HttpStatusCode.OK);

    private static decimal Amount(JsonElement money) => money.GetProperty("amount").GetDecimal();

    private Task<int> CountEvents(string type, Guid id) => omni.InScope(sp =>
        sp.GetRequiredService<PricingDbContext>().Outbox.CountAsync(e => e.Type == type && e.Data.Contains(id.ToString())));

    [Fact]
    public async Task A_quote_applies_a_sku_promotion_and_explains_it_per_line()
    {
        var sku = await ApiSeed.Product(_client, 20.00m);
        var other = await ApiSeed.Product(_client, 5.55m);
        var code = OmniFactory.Unique("TEN");
        await CreatePromotion(PercentOff(code, sku, 10));

        var quote = await Quote("web", null, (sku, 2), (other, 1));

        Assert.Equal("EUR", quote.GetProperty("currency").GetString());
        Assert.Equal(45.55m, Amount(quote.GetProperty("subtotal")));
        Assert.Equal(4.00m, Amount(quote.GetProperty("discountTotal")));
        Assert.Equal(41.55m, Amount(quote.GetProperty("total")));
        var line = quote.GetProperty("lines")[0];
        Assert.Equal(20.00m, Amount(line.GetProperty("baseUnitPrice")));
        Assert.Equal("catalog", line.GetProperty("priceSource").GetString());
        var adjustment = Assert.Single(line.GetProperty("adjustments").EnumerateArray());
        Assert.Equal(code, adjustment.GetProperty("code").GetString());
        Assert.Equal(4.00m, Amount(adjustment.GetProperty("amount")));
        Assert.Equal(36.00m, Amount(line.GetProperty("total")));
        Assert.Equal(5.55m, Amount(quote.GetProperty("lines")[1].GetProperty("total")));
    }

    [Fact]
    public async Task A_channel_scoped_promotion_is_reported_as_out_of_scope_elsewhere()
    {
        var sku = await ApiSeed.Product(_client, 10.00m);
        var code = OmniFactory.Unique("APP");
        await CreatePromotion(PercentOff(code, sku, 50, ["app"]));

        var app = await Quote("app", null, (sku, 1));
        var web = await Quote("web", null, (sku, 1));

        Assert.Equal(5.00m, Amount(app.GetProperty("total")));
        Assert.Equal(10.00m, Amount(web.GetProperty("total")));
        var notApplied = Assert.Single(web.GetProperty("lines")[0].GetProperty("notApplied").EnumerateArray());
        Assert.Equal((code, "channelOutOfScope"), (notApplied.GetProperty("code").GetString(), notApplied.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Promotions_are_created_read_replaced_and_deactivated_with_events_and_quotes_follow_at_once()
    {
        var sku = await ApiSeed.Product(_client, 10.00m);
        var code = OmniFactory.Unique("CRUD");
        var created = await CreatePromotion(PercentOff(code, sku, 10));
        var id = created.GetProperty("id").GetGuid();
        Assert.True(created.GetProperty("active").GetBoolean());
        Assert.Equal(9.00m, Amount((await Quote("store", "ANY-STORE", (sku, 1))).GetProperty("total")));

        var read = await (await _client.GetAsync($"/api/v1/pricing/promotions/{id}")).Json(HttpStatusCode.OK);
        Assert.Equal(code, read.GetProperty("code").GetString());
        Assert.Equal("percentOff", read.GetProperty("kind").GetString());

        var replaced = await (await _client.PutJson($"/api/v1/pricing/promotions/{id}", PercentOff(code, sku, 25))).Json(HttpStatusCode.OK);
        Assert.Equal(25m, replaced.GetProperty("percent").GetDecimal());
        Assert.Equal(7.50m, Amount((await Quote("web", null, (sku, 1))).GetProperty("total")));

        var list = await (await _client.GetAsync("/api/v1/pricing/promotions?active=true&limit=500")).Json(HttpStatusCode.OK);
        Assert.Contains(list.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);

        var deactivated = await (await _client.PostAsync($"/api/v1/pricing/promotions/{id}/deactivate", null)).Json(HttpStatusCode.OK);
        Assert.False(deactivated.GetProperty("active").GetBoolean());
        Assert.Equal(10.00m, Amount((await Quote("web", null, (sku, 1))).GetProperty("total")));

        Assert.Equal(1, await CountEvents("promotion.created", id));
        Assert.Equal(2, await CountEvents("promotion.updated", id));
        await (await _client.GetAsync($"/api/v1/pricing/promotions/{Guid.NewGuid()}")).Problem(HttpStatusCode.NotFound, "not_found");
        await (await _client.PostJson("/api/v1/pricing/promotions", PercentOff(code, sku, 5))).Problem(HttpStatusCode.Conflict, "duplicate");
    }

    [Fact]
    public async Task A_channel_exception_changes_only_that_channel_and_appears_in_the_consistency_report()
    {
        var sku = await ApiSeed.Product(_client, 10.00m);
        var response = await _client.PostJson("/api/v1/pricing/exceptions", new { sku, channel = "callcenter", price = new { amount = 9.00m, currency = "EUR" }, reason = "phone offer" });
        var exception = await response.Json(HttpStatusCode.Created);
        var id = exception.GetProperty("id").GetGuid();

        foreach (var channel in new[] { "web", "app", "store" })
            Assert.Equal(30.00m, Amount((await Quote(channel, channel == "store" ? "STORE-X" : null, (sku, 3))).GetProperty("total")));
        var callcenter = await Quote("callcenter", null, (sku, 3));
        Assert.Equal(27.00m, Amount(callcenter.GetProperty("total")));
        var line = callcenter.GetProperty("lines")[0];
        Assert.Equal(("exception", "phone offer"), (line.GetProperty("priceSource").GetString(), line.GetProperty("priceExceptionReason").GetString()));
        Assert.Equal(10.00m, Amount(line.GetProperty("catalogUnitPrice")));

        var report = await (await _client.GetAsync("/api/v1/pricing/consistency")).Json(HttpStatusCode.OK);
        var item = Assert.Single(report.GetProperty("exceptions").EnumerateArray(), e => e.GetProperty("id").GetGuid() == id);
        Assert.Equal(("callcenter", -1.00m), (item.GetProperty("channel").GetString(), Amount(item.GetProperty("difference"))));
        var listed = await (await _client.GetAsync($"/api/v1/pricing/exceptions?sku={sku}")).Json(HttpStatusCode.OK);
        Assert.Single(listed.GetProperty("items").EnumerateArray());

        await (await _client.PostJson("/api/v1/pricing/exceptions", new { sku, channel = "callcenter", price = new { amount = 8.00m, currency = "EUR" }, reason = "again" }))
            .Problem(HttpStatusCode.Conflict, "duplicate");
    }

    [Fact]
    public async Task Invalid_input_is_a_400_with_field_errors_and_mixed_currencies_a_409()
    {
        var eur = await ApiSeed.Product(_client, 10.00m);
        var usd = await ApiSeed.Product(_client, 10.00m, "USD");

        var unknown = await (await _client.PostJson("/api/v1/pricing/quote", new { channel = "tv", lines = new[] { new { sku = eur, quantity = 0 } } }))
            .Problem(HttpStatusCode.BadRequest, "validation_failed");
        foreach (var field in new[] { "channel", "lines[0].quantity" })
            Assert.True(unknown.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {unknown}");

        var missingSku = await (await _client.PostJson("/api/v1/pricing/quote", new { channel = "web", lines = new[] { new { sku = "NO-SUCH-SKU", quantity = 1 } } }))
            .Problem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(missingSku.GetProperty("errors").TryGetProperty("lines[0].sku", out _));

        await (await _client.PostJson("/api/v1/pricing/quote", new { channel = "web", lines = new[] { new { sku = eur, quantity = 1 }, new { sku = usd, quantity = 1 } } }))
            .Problem(HttpStatusCode.Conflict, "mixed_currency");

        var badPromotion = await (await _client.PostJson("/api/v1/pricing/promotions", new
        {
            code = OmniFactory.Unique("BAD"), name = "bad", kind = "percentOff", target = new { type = "sku", values = Array.Empty<string>() }, percent = 120,
            startsAt = "2026-02-01T00:00:00Z", endsAt = "2026-01-01T00:00:00Z",
        })).Problem(HttpStatusCode.BadRequest, "validation_failed");
        foreach (var field in new[] { "percent", "target.values", "endsAt" })
            Assert.True(badPromotion.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {badPromotion}");

        var badException = await (await _client.PostJson("/api/v1/pricing/exceptions", new { sku = eur, price = new { amount = 9m, currency = "USD" }, reason = "x" }))
            .Problem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(badException.GetProperty("errors").TryGetProperty("channel", out _));
    }
    [Fact]
    public async Task Writing_pricing_needs_the_catalog_scope_while_any_key_may_quote()
    {
        var sku = await ApiSeed.Product(_client, 10.00m);
        var created = await (await _client.PostJson("/api/v1/api-keys", new { name = OmniFactory.Unique("reader"), scopes = new[] { "read" } })).Json(HttpStatusCode.Created);
        var reader = omni.ClientWithKey(created.GetProperty("key").GetString());

        await (await reader.PostJson("/api/v1/pricing/promotions", PercentOff(OmniFactory.Unique("RO"), sku, 10))).Problem(HttpStatusCode.Forbidden, "forbidden");
        await (await reader.PostJson("/api/v1/pricing/exceptions", new { sku, channel = "web", price = new { amount = 9m, currency = "EUR" }, reason = "x" }))
            .Problem(HttpStatusCode.Forbidden, "forbidden");
        var quote = await (await reader.PostJson("/api/v1/pricing/quote", new { channel = "web", lines = new[] { new { sku, quantity = 1 } } })).Json(HttpStatusCode.OK);
        Assert.Equal(10.00m, Amount(quote.GetProperty("total")));
    }
    [Fact]
    public async Task A_store_bound_key_quotes_its_own_store_s_promotions_without_naming_the_store()
    {
        var store = await ApiSeed.Location(_client, "PRC");
        var sku = await ApiSeed.Product(_client, 10.00m);
        await CreatePromotion(new
        {
            code = OmniFactory.Unique("LOCAL"), name = "local", kind = "amountOff", target = new { type = "sku", values = new[] { sku } },
            amount = new { amount = 1.50m, currency = "EUR" }, locations = new[] { store },
        });
        var created = await (await _client.PostJson("/api/v1/api-keys", new { name = OmniFactory.Unique("till"), scopes = new[] { "orders" }, storeCode = store })).Json(HttpStatusCode.Created);
        var till = omni.ClientWithKey(created.GetProperty("key").GetString());

        var quote = await (await till.PostJson("/api/v1/pricing/quote", new { channel = "store", lines = new[] { new { sku, quantity = 2 } } })).Json(HttpStatusCode.OK);

        Assert.Equal(store, quote.GetProperty("locationCode").GetString());
        Assert.Equal(17.00m, Amount(quote.GetProperty("total")));
        Assert.Equal(20.00m, Amount((await Quote("store", "OTHER-STORE", (sku, 2))).GetProperty("total")));
    }
}

public sealed class PricingTests_Sqlite(SqliteOmni omni) : PricingTests(omni), IClassFixture<SqliteOmni>;

public sealed class PricingTests_Postgres(PostgresOmni omni) : PricingTests(omni), IClassFixture<PostgresOmni>;
