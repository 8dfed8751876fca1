using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Omni.IntegrationTests.Infrastructure;

namespace Omni.IntegrationTests.Catalog;

/// <summary>
/// The storefront product page is served from per-node caches (the benchmark's p99 depends on it), so these tests pin down
/// both halves: a warm page asks the database nothing, and a change made on any node shows on the page.
/// </summary>
public abstract class ProductPageTests(OmniFactory omni)
{
    private readonly HttpClient _api = omni.Admin();

    [Fact]
    public async Task The_first_view_of_a_product_reads_it_and_later_views_read_nothing_from_the_database()
    {
        var code = await CreateAsync("Cached mug", 12.50m);
        using var commands = PageCommands.Listen(omni);

        var page = await PageAsync(omni.CreateClient(), code);

        Assert.Contains("Cached mug", page, StringComparison.Ordinal);
        Assert.True(commands.Count > 0, "the first view of a product must have loaded it from the database");
        await WarmAsync(omni, code);
    }

    [Fact]
    public async Task A_product_changed_on_this_node_shows_its_new_name_and_price_at_once()
    {
        var code = await CreateAsync("Blue kettle", 30m);
        await WarmAsync(omni, code);

        await UpdateAsync(code, "Red kettle", 24.50m);

        var page = await PageAsync(omni.CreateClient(), code);
        Assert.Contains("Red kettle", page, StringComparison.Ordinal);
        Assert.Contains("\"price\":24.5,", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Blue kettle", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_product_changed_on_another_node_shows_on_this_nodes_cached_page_within_seconds()
    {
        await using var secondNode = omni.WithWebHostBuilder(_ => { });
        var code = await CreateAsync("Green teapot", 40m);
        await WarmAsync(secondNode, code);

        await UpdateAsync(code, "Yellow teapot", 35m);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        var page = "";
        while (DateTime.UtcNow < deadline)
        {
            page = await PageAsync(secondNode.CreateClient(), code);
            if (page.Contains("Yellow teapot", StringComparison.Ordinal)) break;
            await Task.Delay(50);
        }
        Assert.Contains("Yellow teapot", page, StringComparison.Ordinal);
        Assert.Contains("\"price\":35,", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_product_is_not_found_and_its_code_can_be_created_and_shown_at_once()
    {
        var code = OmniFactory.Unique("PAGE");
        using (var missing = await omni.CreateClient().GetAsync($"/p/{code}"))
            Assert.Contains("Product not found", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await CreateAsync("Late lamp", 20m, code);

        Assert.Contains("Late lamp", await PageAsync(omni.CreateClient(), code), StringComparison.Ordinal);
    }

    private async Task<string> CreateAsync(string name, decimal price, string? code = null)
    {
        code ??= OmniFactory.Unique("PAGE");
        var body = ProductsTests.Body(code, name, variants: [ProductsTests.Variant(OmniFactory.Unique("SKU"), price)]);
        await (await _api.PostJson("/api/v1/products", body)).Json(HttpStatusCode.Created);
        return code;
    }

    private async Task UpdateAsync(string code, string name, decimal price)
    {
        var current = await (await _api.GetAsync($"/api/v1/products/{code}")).Json(HttpStatusCode.OK);
        var sku = current.GetProperty("variants")[0].GetProperty("sku").GetString()!;
        var gtin = current.GetProperty("variants")[0].GetProperty("gtin").GetString()!;
        var body = ProductsTests.Body(code, name, variants: [ProductsTests.Variant(sku, price, gtin: gtin)]);
        await (await _api.PutJson($"/api/v1/products/{code}", body)).Json(HttpStatusCode.OK);
    }

    private static async Task<string> PageAsync(HttpClient browser, string code)
    {
        using var response = await browser.GetAsync($"/p/{code}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>
    /// Views the page until one view runs no database command. The node caches products only once its feeder follows the
    /// event feed, and the pricing rules and location directory reload every few seconds, so the first views may query.
    /// </summary>
    private static async Task WarmAsync(WebApplicationFactory<Program> node, string code)
    {
        var browser = node.CreateClient();
        // Generous: with the whole suite running on two cores a view can take longer than the caches' 5 s lifetimes.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var commands = PageCommands.Listen(node);
            await PageAsync(browser, code);
            if (commands.Count == 0) return;
            if (DateTime.UtcNow > deadline) Assert.Fail($"every view of /p/{code} still ran database commands; the last one: {string.Join(" | ", commands.Texts)}");
            await Task.Delay(50);
        }
    }

    /// <summary>Counts EF Core commands run while the node serves a product page (not those of its background workers).</summary>
    private sealed class PageCommands : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private const string CommandExecuting = "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuting";
        private readonly IHttpContextAccessor _http;
        private readonly List<IDisposable> _subscriptions = [];
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _texts = new();
        private int _count;

        private PageCommands(IHttpContextAccessor http) => _http = http;

        public int Count => Volatile.Read(ref _count);

        public IEnumerable<string> Texts => _texts;

        public static PageCommands Listen(WebApplicationFactory<Program> node)
        {
            var commands = new PageCommands(node.Services.GetRequiredService<IHttpContextAccessor>());
            lock (commands._subscriptions) commands._subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(commands));
            return commands;
        }

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name != "Microsoft.EntityFrameworkCore") return;
            lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this));
        }

        public void OnNext(KeyValuePair<string, object?> e)
        {
            if (e.Key != CommandExecuting || _http.HttpContext?.Request.Path.StartsWithSegments("/p") != true) return;
            Interlocked.Increment(ref _count);
            if (e.Value is Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData data) _texts.Enqueue(data.Command.CommandText);
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            lock (_subscriptions) foreach (var subscription in _subscriptions) subscription.Dispose();
        }
    }
}

public sealed class ProductPageTests_Sqlite(SqliteOmni omni) : ProductPageTests(omni), IClassFixture<SqliteOmni>;

public sealed class ProductPageTests_Postgres(PostgresOmni omni) : ProductPageTests(omni), IClassFixture<PostgresOmni>;
