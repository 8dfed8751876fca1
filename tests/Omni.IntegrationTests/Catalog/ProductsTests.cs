using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omni.Catalog.Data;
using Omni.Catalog.Domain;
using Omni.Common;
using Omni.Common.Errors;
using Omni.Contracts.Catalog;
using Omni.IntegrationTests.Infrastructure;

namespace Omni.IntegrationTests.Catalog;

public abstract class ProductsTests(OmniFactory omni)
{
    private readonly HttpClient _client = omni.Admin();

    /// <summary>A fresh valid GTIN-13 for each call, so tests never collide on the unique index.</summary>
    internal static string NewGtin()
    {
        var payload = string.Concat(Enumerable.Range(0, 12).Select(_ => (char)('0' + RandomNumberGenerator.GetInt32(10))));
        return payload + Gtin.CheckDigit(payload);
    }

    internal static Dictionary<string, object?> Variant(string sku, decimal amount = 19.99m, string currency = "EUR", string? gtin = null) => new()
    {
        ["sku"] = sku,
        ["gtin"] = gtin ?? NewGtin(),
        ["name"] = "M black",
        ["attributes"] = new Dictionary<string, string> { ["size"] = "M", ["color"] = "black" },
        ["price"] = new { amount, currency },
    };

    internal static Dictionary<string, object?> Body(string code, string name = "Basic tee", string brand = "Omni", string category = "apparel/tops", params Dictionary<string, object?>[] variants) => new()
    {
        ["code"] = code,
        ["name"] = name,
        ["brand"] = brand,
        ["category"] = category,
        ["variants"] = variants.Length > 0 ? variants : new[] { Variant($"{code}-M-BLK") },
    };

    private async Task<JsonElement> Create(Dictionary<string, object?> body) =>
        await (await _client.PostJson("/api/v1/products", body)).Json(HttpStatusCode.Created);

    private Task<int> CountEvents(string type, string code) => omni.InScope(sp =>
        sp.GetRequiredService<CatalogDbContext>().Outbox.CountAsync(e => e.Type == type && e.Data.Contains($"\"code\":\"{code}\"")));

    private Task<bool> Exists(string code)
    {
        var stored = code.ToUpperInvariant();
        return omni.InScope(sp => sp.GetRequiredService<CatalogDbContext>().Products.AnyAsync(p => p.Code == stored));
    }

    [Fact]
    public async Task Creating_a_product_answers_201_with_variants_and_money_and_publishes_product_created()
    {
        var code = OmniFactory.Unique("TEE");
        var body = Body(code, variants: [Variant($"{code}-M-BLK", gtin: "05901234123457")]);
        body["description"] = "A tee.";
        ((Dictionary<string, object?>)((object[])body["variants"]!)[0])["images"] = new[] { "https://cdn.example.com/tee.jpg" };
        var response = await _client.PostJson("/api/v1/products", body);
        var product = await response.Json(HttpStatusCode.Created);

        Assert.Equal($"/api/v1/products/{code}", response.Headers.Location?.OriginalString);
        Assert.Equal(code, product.GetProperty("code").GetString());
        Assert.Equal("apparel/tops", product.GetProperty("category").GetString());
        Assert.Equal("A tee.", product.GetProperty("description").GetString());
        var variant = product.GetProperty("variants")[0];
        Assert.Equal($"{code}-M-BLK", variant.GetProperty("sku").GetString());
        Assert.Equal("05901234123457", variant.GetProperty("gtin").GetString());
        Assert.Equal("black", variant.GetProperty("attributes").GetProperty("color").GetString());
        Assert.Equal(19.99m, variant.GetProperty("price").GetProperty("amount").GetDecimal());
        Assert.Equal("EUR", variant.GetProperty("price").GetProperty("currency").GetString());
        Assert.Equal("https://cdn.example.com/tee.jpg", variant.GetProperty("images")[0].GetString());
        Assert.Equal(1, await CountEvents("product.created", code));

        var stored = await omni.InScope(sp => sp.GetRequiredService<CatalogDbContext>().Variants.SingleAsync(v => v.Sku == $"{code}-M-BLK"));
        Assert.Equal(1999, stored.PriceMinor);
    }

    [Fact]
    public async Task Codes_and_SKUs_are_stored_upper_case_and_found_whatever_the_case()
    {
        var code = OmniFactory.Unique("mug");
        var product = await Create(Body(code, variants: [Variant($"{code}-white")]));
        Assert.Equal(code.ToUpperInvariant(), product.GetProperty("code").GetString());
        Assert.Equal($"{code}-WHITE".ToUpperInvariant(), product.GetProperty("variants")[0].GetProperty("sku").GetString());
        await (await _client.GetAsync($"/api/v1/products/{code.ToLowerInvariant()}")).Json(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_product_is_404_not_found()
    {
        await (await _client.GetAsync("/api/v1/products/NOPE-404")).Problem(HttpStatusCode.NotFound, "not_found");
        await (await _client.PutJson("/api/v1/products/NOPE-404", Body("NOPE-404"))).Problem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task A_duplicate_product_code_is_409_duplicate()
    {
        var code = OmniFactory.Unique("TEE");
        await Create(Body(code));
        await (await _client.PostJson("/api/v1/products", Body(code.ToLowerInvariant(), variants: [Variant(OmniFactory.Unique("SKU"))])))
            .Problem(HttpStatusCode.Conflict, "duplicate");
    }

    [Fact]
    public async Task Racing_creations_of_one_product_make_one_201_and_the_rest_409_never_500()
    {
        var code = OmniFactory.Unique("RACE");
        var gtin = NewGtin();
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            omni.Admin().PostJson("/api/v1/products", Body(code, variants: [Variant($"{code}-{i}", gtin: gtin)]))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var conflict in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await conflict.Problem(HttpStatusCode.Conflict, "duplicate");
    }

    [Fact]
    public async Task A_SKU_of_another_product_is_409_duplicate_and_writes_nothing()
    {
        var first = OmniFactory.Unique("TEE");
        await Create(Body(first));
        var second = OmniFactory.Unique("TEE");

        await (await _client.PostJson("/api/v1/products", Body(second, variants: [Variant($"{first}-M-BLK")]))).Problem(HttpStatusCode.Conflict, "duplicate");
        Assert.False(await Exists(second));
    }

    [Fact]
    public async Task The_same_SKU_twice_in_one_request_is_409_duplicate()
    {
        var code = OmniFactory.Unique("TEE");
        var sku = $"{code}-S";
        await (await _client.PostJson("/api/v1/products", Body(code, variants: [Variant(sku), Variant(sku.ToLowerInvariant())]))).Problem(HttpStatusCode.Conflict, "duplicate");
        Assert.False(await Exists(code));
    }

    [Fact]
    public async Task A_GTIN_already_used_is_409_duplicate_even_written_as_GTIN_14()
    {
        var gtin = NewGtin();
        await Create(Body(OmniFactory.Unique("TEE"), variants: [Variant(OmniFactory.Unique("SKU"), gtin: gtin)]));
        var code = OmniFactory.Unique("TEE");

        await (await _client.PostJson("/api/v1/products", Body(code, variants: [Variant(OmniFactory.Unique("SKU"), gtin: "0" + gtin)]))).Problem(HttpStatusCode.Conflict, "duplicate");
        await (await _client.PostJson("/api/v1/products", Body(code, variants: [Variant(OmniFactory.Unique("A"), gtin: gtin), Variant(OmniFactory.Unique("B"), gtin: gtin)])))
            .Problem(HttpStatusCode.Conflict, "duplicate");
        Assert.False(await Exists(code));
    }

    [Theory]
    [InlineData("05901234123458")]
    [InlineData("5901234123458")]
    [InlineData("036000291453")]
    [InlineData("96385073")]
    public async Task A_GTIN_with_a_wrong_check_digit_is_400_on_the_gtin_field(string gtin)
    {
        var code = OmniFactory.Unique("TEE");
        var problem = await (await _client.PostJson("/api/v1/products", Body(code, variants: [Variant($"{code}-M", gtin: gtin)])))
            .Problem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("check digit", problem.GetProperty("errors").GetProperty("variants[0].gtin")[0].GetString(), StringComparison.Ordinal);
        Assert.False(await Exists(code));
    }

    [Fact]
    public async Task Variants_of_one_product_in_two_currencies_are_400()
    {
        var code = OmniFactory.Unique("TEE");
        var problem = await (await _client.PostJson("/api/v1/products", Body(code, variants: [Variant($"{code}-S"), Variant($"{code}-M", currency: "USD")])))
            .Problem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("variants[1].price.currency", out _));
    }

    [Fact]
    public async Task Updating_changes_fields_and_prices_and_adds_variants_and_the_lookup_sees_the_new_price_at_once()
    {
        var code = OmniFactory.Unique("TEE");
        await Create(Body(code, variants: [Variant($"{code}-S", 10m), Variant($"{code}-M", 10m)]));
        var lookup = await omni.InScope(sp => sp.GetRequiredService<ICatalogLookup>().FindVariantsAsync([$"{code}-S"], CancellationToken.None));
        Assert.Equal(new Money(1000, "EUR"), lookup[$"{code}-S"].Price);

        var body = Body(code, name: "Organic tee", brand: "Omni Green", category: "apparel/tops/organic",
            Variant($"{code}-S", 12.50m), Variant($"{code}-L", 14m));
        var updated = await (await _client.PutJson($"/api/v1/products/{code}", body)).Json(HttpStatusCode.OK);

        Assert.Equal("Organic tee", updated.GetProperty("name").GetString());
        Assert.Equal("apparel/tops/organic", updated.GetProperty("category").GetString());
        var variants = updated.GetProperty("variants").EnumerateArray().ToDictionary(v => v.GetProperty("sku").GetString()!, v => v.GetProperty("price").GetProperty("amount").GetDecimal());
        Assert.Equal(new Dictionary<string, decimal> { [$"{code}-S"] = 12.50m, [$"{code}-M"] = 10m, [$"{code}-L"] = 14m }, variants);

        lookup = await omni.InScope(sp => sp.GetRequiredService<ICatalogLookup>().FindVariantsAsync([$"{code}-S", $"{code}-L"], CancellationToken.None));
        Assert.Equal(new Money(1250, "EUR"), lookup[$"{code}-S"].Price);
        Assert.Equal("Omni Green", lookup[$"{code}-L"].Brand);
        Assert.Equal(1, await CountEvents("product.updated", code));
    }

    [Fact]
    public async Task Moving_only_some_variants_to_another_currency_is_409_currency_mismatch()
    {
        var code = OmniFactory.Unique("TEE");
        await Create(Body(code, variants: [Variant($"{code}-S"), Variant($"{code}-M")]));
        await (await _client.PutJson($"/api/v1/products/{code}", Body(code, variants: [Variant($"{code}-S", currency: "USD")])))
            .Problem(HttpStatusCode.Conflict, "currency_mismatch");
    }

    [Fact]
    public async Task Updating_with_a_SKU_of_another_product_is_409_duplicate()
    {
        var other = OmniFactory.Unique("TEE");
        await Create(Body(other));
        var code = OmniFactory.Unique("TEE");
        await Create(Body(code));
        await (await _client.PutJson($"/api/v1/products/{code}", Body(code, variants: [Variant($"{other}-M-BLK")]))).Problem(HttpStatusCode.Conflict, "duplicate");
    }

    [Fact]
    public async Task The_lookup_finds_known_SKUs_in_any_case_and_omits_unknown_ones()
    {
        var code = OmniFactory.Unique("MUG");
        await Create(Body(code, name: "Mug", brand: "Omni", category: "home/kitchen", Variant($"{code}-01", 8m)));

        var found = await omni.InScope(sp => sp.GetRequiredService<ICatalogLookup>().FindVariantsAsync([$"{code}-01".ToLowerInvariant(), "NO-SUCH-SKU"], CancellationToken.None));
        var snapshot = Assert.Single(found).Value;
        Assert.Equal(code, snapshot.ProductCode);
        Assert.Equal("home/kitchen", snapshot.Category);
        Assert.Equal("Mug M black", snapshot.Name);
        Assert.Same(snapshot, found[$"{code}-01".ToLowerInvariant()]);
    }

    [Fact]
    public async Task Search_matches_name_code_SKU_and_brand_case_insensitively_also_beyond_ASCII()
    {
        var brand = $"Élan {Guid.NewGuid():N}";
        var code = OmniFactory.Unique("DRESS");
        await Create(Body(code, name: "Robe d'ÉTÉ légère", brand: brand, category: "apparel/dresses", Variant($"{code}-38")));

        foreach (var q in new[] { "robe été", "ÉTÉ LÉGÈRE", code.ToLowerInvariant(), $"{code}-38".ToLowerInvariant(), brand.ToUpperInvariant() })
        {
            var page = await (await _client.GetAsync($"/api/v1/products?q={Uri.EscapeDataString(q)}")).Json(HttpStatusCode.OK);
            Assert.Contains(code, page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("code").GetString()));
        }
        var none = await (await _client.GetAsync($"/api/v1/products?q={Uri.EscapeDataString(brand + " hiver")}")).Json(HttpStatusCode.OK);
        Assert.Empty(none.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Filters_by_category_subtree_and_brand_and_pages_in_code_order()
    {
        var brand = $"Brand{Guid.NewGuid():N}";
        var codes = Enumerable.Range(0, 5).Select(_ => OmniFactory.Unique("PAGE")).Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < codes.Count; i++)
            await Create(Body(codes[i], brand: brand, category: i < 3 ? "shoes/running" : "shoes"));
        await Create(Body(OmniFactory.Unique("OTHER"), brand: brand, category: "shoesies"));

        var seen = new List<string>();
        string? next = null;
        var pages = 0;
        do
        {
            var page = await (await _client.GetAsync($"/api/v1/products?category=shoes&brand={brand.ToLowerInvariant()}&limit=2" + (next is null ? "" : $"&after={next}"))).Json(HttpStatusCode.OK);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("code").GetString()!));
            next = page.GetProperty("next").GetString();
            pages++;
        } while (next is not null);

        Assert.Equal(codes, seen);
        Assert.Equal(3, pages);
        var running = await (await _client.GetAsync($"/api/v1/products?category=shoes/running&brand={brand}")).Json(HttpStatusCode.OK);
        Assert.Equal(codes.Take(3), running.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("code").GetString()));
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=1000")]
    [InlineData("limit=ten")]
    [InlineData("after=***")]
    [InlineData("q=a+b+c+d+e+f")]
    public async Task Bad_search_parameters_are_400(string query)
    {
        var response = await _client.GetAsync($"/api/v1/products?{query}");
        var problem = await response.Json(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.GetProperty("code").GetString() is "validation_failed" or "malformed_request");
    }

    [Fact]
    public async Task Import_creates_new_and_updates_existing_products_by_code()
    {
        var existing = OmniFactory.Unique("IMP");
        await Create(Body(existing, variants: [Variant($"{existing}-1", 5m)]));
        var fresh = OmniFactory.Unique("IMP");

        var summary = await (await _client.PostJson("/api/v1/products/import", new[]
        {
            Body(existing, name: "Renamed", variants: [Variant($"{existing}-1", 6m), Variant($"{existing}-2", 6m)]),
            Body(fresh),
        })).Json(HttpStatusCode.OK);

        Assert.Equal(1, summary.GetProperty("created").GetInt32());
        Assert.Equal(1, summary.GetProperty("updated").GetInt32());
        var updated = await (await _client.GetAsync($"/api/v1/products/{existing}")).Json(HttpStatusCode.OK);
        Assert.Equal("Renamed", updated.GetProperty("name").GetString());
        Assert.Equal(2, updated.GetProperty("variants").GetArrayLength());
        Assert.Equal(6m, updated.GetProperty("variants")[0].GetProperty("price").GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task Import_with_one_invalid_product_writes_nothing_and_names_the_index()
    {
        var good = OmniFactory.Unique("IMP");
        var badCode = OmniFactory.Unique("IMP");
        var bad = Body(badCode, variants: [Variant($"{badCode}-1", gtin: "05901234123458")]);

        var problem = await (await _client.PostJson("/api/v1/products/import", new[] { Body(good), bad })).Problem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("[1].variants[0].gtin", out _));
        Assert.False(await Exists(good));
    }

    [Fact]
    public async Task Import_of_a_thousand_products_is_one_fast_batch()
    {
        var prefix = OmniFactory.Unique("BULK");
        var products = Enumerable.Range(0, ICatalogImport.MaxBatch)
            .Select(i => Body($"{prefix}-{i:D4}", variants: [Variant($"{prefix}-{i:D4}-A"), Variant($"{prefix}-{i:D4}-B")])).ToArray();

        var stopwatch = Stopwatch.StartNew();
        var summary = await (await _client.PostJson("/api/v1/products/import", products)).Json(HttpStatusCode.OK);
        stopwatch.Stop();

        Assert.Equal(ICatalogImport.MaxBatch, summary.GetProperty("created").GetInt32());
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"import took {stopwatch.Elapsed}");
        var page = await (await _client.GetAsync($"/api/v1/products?q={prefix}&limit=200")).Json(HttpStatusCode.OK);
        Assert.Equal(200, page.GetProperty("items").GetArrayLength());

        await (await _client.PostJson("/api/v1/products/import", products.Append(Body(OmniFactory.Unique("ONE-TOO-MANY"))).ToArray()))
            .Problem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task The_in_process_import_upserts_and_refuses_invalid_input()
    {
        var code = OmniFactory.Unique("SEED");
        var product = new ImportedProduct(code, "Seeded", "Omni", "home", null,
            [new ImportedVariant($"{code}-1", NewGtin(), "One", new Dictionary<string, string> { ["color"] = "red" }, new MoneyDto(3.5m, "EUR"))]);

        Assert.Equal(new ProductImportSummary(1, 0), await omni.InScope(sp => sp.GetRequiredService<ICatalogImport>().ImportAsync([product], CancellationToken.None)));
        Assert.Equal(new ProductImportSummary(0, 1), await omni.InScope(sp => sp.GetRequiredService<ICatalogImport>().ImportAsync([product with { Name = "Seeded 2" }], CancellationToken.None)));

        var invalid = product with { Variants = [product.Variants[0] with { Price = new MoneyDto(1.001m, "EUR") }] };
        var error = await Assert.ThrowsAsync<DomainException>(() => omni.InScope(sp => sp.GetRequiredService<ICatalogImport>().ImportAsync([invalid], CancellationToken.None)));
        Assert.Equal("validation_failed", error.Code);
        Assert.True(((IDictionary<string, string[]>)error.Extensions["errors"]!).ContainsKey("[0].variants[0].price.amount"));
    }

    public static TheoryData<string, string> BadBodies() => new()
    {
        { "malformed JSON", "{\"code\": " },
        { "not an object", "\"tee\"" },
        { "null body", "null" },
        { "empty object", "{}" },
        { "price as text", Replace("\"amount\":19.99", "\"amount\":\"19.99\"") },
        { "attributes as array", Replace("\"attributes\":{\"size\":\"M\",\"color\":\"black\"}", "\"attributes\":[\"M\"]") },
        { "attribute value as number", Replace("\"size\":\"M\"", "\"size\":38") },
        { "missing code", Replace("\"code\":\"@CODE\",", "") },
        { "missing variants", Replace("\"variants\":", "\"nothing\":") },
        { "empty variants", ReplaceVariants("[]") },
        { "null variant", ReplaceVariants("[null]") },
        { "missing price", Replace(",\"price\":{\"amount\":19.99,\"currency\":\"EUR\"}", "") },
        { "missing gtin", Replace("\"gtin\":\"@GTIN\",", "") },
        { "GTIN with letters", Replace("\"@GTIN\"", "\"59012341234AB\"") },
        { "GTIN of 11 digits", Replace("\"@GTIN\"", "\"12345678905\"") },
        { "GTIN check digit", Replace("\"@GTIN\"", "\"05901234123458\"") },
        { "negative price", Replace("\"amount\":19.99", "\"amount\":-1") },
        { "too many decimals", Replace("\"amount\":19.99", "\"amount\":19.999") },
        { "decimals in JPY", Replace("\"currency\":\"EUR\"", "\"currency\":\"JPY\"") },
        { "unknown currency", Replace("\"currency\":\"EUR\"", "\"currency\":\"EURO\"") },
        { "bad code characters", Replace("\"code\":\"@CODE\"", "\"code\":\"@CODE/../x\"") },
        { "bad SKU", Replace("\"sku\":\"@CODE-M-BLK\"", "\"sku\":\"@CODE M BLK\"") },
        { "empty category segment", Replace("\"apparel/tops\"", "\"apparel//tops\"") },
        { "name too long", Replace("\"name\":\"Basic tee\"", $"\"name\":\"{new string('x', 201)}\"") },
        { "image not a URL", Replace("\"price\":", "\"images\":[\"not a url\"],\"price\":") },
        { "huge number", Replace("\"amount\":19.99", "\"amount\":1e400") },
    };

    private static string Replace(string from, string to)
    {
        var json = JsonSerializer.Serialize(Body("@CODE", variants: [Variant("@CODE-M-BLK", gtin: "@GTIN")]), OmniFactory.Json);
        Assert.Contains(from, json, StringComparison.Ordinal);
        return json.Replace(from, to, StringComparison.Ordinal);
    }

    private static string ReplaceVariants(string variants)
    {
        var json = Replace("\"variants\":[", "\"variants\":@V[");
        return json[..json.IndexOf("@V", StringComparison.Ordinal)] + variants + "}";
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_input_is_a_400_problem_and_writes_nothing(string why, string json)
    {
        var code = OmniFactory.Unique("BAD");
        var body = json.Replace("@CODE", code, StringComparison.Ordinal).Replace("@GTIN", NewGtin(), StringComparison.Ordinal);
        var response = await _client.SendRaw(HttpMethod.Post, "/api/v1/products", body);

        var problem = await response.Json(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.GetProperty("code").GetString() is "validation_failed" or "malformed_request", why);
        Assert.False(await Exists(code));
        Assert.Equal(0, await omni.InScope(sp => sp.GetRequiredService<CatalogDbContext>().Variants.CountAsync(v => v.Sku.StartsWith(code))));
    }

    [Fact]
    public async Task Bad_input_on_update_is_400_and_changes_nothing()
    {
        var code = OmniFactory.Unique("TEE");
        await Create(Body(code, variants: [Variant($"{code}-S", 10m)]));
        await (await _client.SendRaw(HttpMethod.Put, $"/api/v1/products/{code}", "{\"name\": 5}")).Json(HttpStatusCode.BadRequest);
        await (await _client.PutJson($"/api/v1/products/{code}", Body(code, variants: [Variant($"{code}-S", -3m)]))).Problem(HttpStatusCode.BadRequest, "validation_failed");

        var product = await (await _client.GetAsync($"/api/v1/products/{code}")).Json(HttpStatusCode.OK);
        Assert.Equal(10m, product.GetProperty("variants")[0].GetProperty("price").GetProperty("amount").GetDecimal());
    }
}

public sealed class ProductsTests_Sqlite(SqliteOmni omni) : ProductsTests(omni), IClassFixture<SqliteOmni>;

public sealed class ProductsTests_Postgres(PostgresOmni omni) : ProductsTests(omni), IClassFixture<PostgresOmni>;
