using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using Omni.BrowserTests.Infrastructure;
using Omni.Contracts.Identity;
using Omni.IntegrationTests.Infrastructure;

namespace Omni.BrowserTests;

/// <summary>The three browser apps in Debian's chromium against a real server, on SQLite and on PostgreSQL.</summary>
public abstract class WebAppsTests(BrowserOmni web)
{
    private static readonly (string Name, int Width, int Height)[] Viewports = [("phone", 390, 844), ("tablet", 820, 1180)];
    private readonly BrowserOmni _web = web;
    private readonly HttpClient _admin = web.Admin();

    [Fact]
    public async Task Each_role_signs_in_to_its_own_app_and_its_cookie_does_not_open_the_api()
    {
        var store = await ApiSeed.Location(_admin, "STORE");
        (string Role, string Lands)[] people =
        [
            (Roles.Customer, "/"), (Roles.Associate, $"/associate/{store}"), (Roles.StoreManager, $"/associate/{store}"),
            (Roles.OmnichannelManager, "/manager"), (Roles.Admin, "/manager"),
        ];
        foreach (var (role, lands) in people)
        {
            var page = await _web.SignInAsync(await _web.PersonAsync(role, Roles.IsStoreBound(role) ? store : null));
            Assert.Equal(lands, new Uri(page.Url).AbsolutePath);
            Assert.True(await page.Locator("[data-test=sign-out]").IsVisibleAsync(), $"{role} should be signed in");

            var api = await page.GotoAsync("/api/v1/locations");
            Assert.Equal((int)HttpStatusCode.Unauthorized, api!.Status);
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var page = await _web.SignInAsync(await _web.PersonAsync(Roles.OmnichannelManager));
        await page.Locator("[data-test=sign-out]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");

        await page.GotoAsync("/manager");
        Assert.Equal("/signin", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task A_shopper_creates_an_account_and_is_signed_in_as_a_customer()
    {
        var email = $"new-{Guid.NewGuid():N}@test.omni";
        var page = await (await _web.NewContextAsync()).NewPageAsync();
        await page.GotoAsync("/register");
        await page.FillAsync("input[name='Input.Name']", "Nina New");
        await page.FillAsync("input[name='Input.Email']", email);
        await page.FillAsync("input[name='Input.Password']", "short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Contains("at least 10", await page.Locator("[role=alert]").InnerTextAsync());

        await page.FillAsync("input[name='Input.Password']", BrowserOmni.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        Assert.True(await page.Locator("[data-test=sign-out]").IsVisibleAsync());

        await page.GotoAsync("/manager");
        Assert.Equal("/denied", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var email = await _web.PersonAsync(Roles.Customer);
        var page = await (await _web.NewContextAsync()).NewPageAsync();
        for (var i = 0; i < 5; i++) await BrowserOmni.SubmitSignInAsync(page, email, "not-the-password");

        await BrowserOmni.SubmitSignInAsync(page, email, BrowserOmni.Password);
        Assert.Equal("/signin", new Uri(page.Url).AbsolutePath);
        Assert.Contains("locked", await page.Locator("[role=alert]").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_shopper_finds_a_product_and_sees_the_engines_price_and_the_stock_of_their_store_and_nearby()
    {
        var mine = await ApiSeed.Location(_admin, "STORE", lat: 48.8566, lon: 2.3522);
        var nearby = await ApiSeed.Location(_admin, "STORE", lat: 48.8666, lon: 2.3522);
        var sku = await ApiSeed.Product(_admin, 40.00m);
        await ApiSeed.Stock(_admin, mine, sku, 7);
        await ApiSeed.Stock(_admin, nearby, sku, 3);
        await (await _admin.PostJson("/api/v1/pricing/promotions", new
        {
            code = OmniFactory.Unique("QUARTER"), name = "Quarter off", kind = "percentOff", target = new { type = "sku", values = new[] { sku } }, percent = 25,
        })).Json(HttpStatusCode.Created);

        var page = await (await _web.NewContextAsync()).NewPageAsync();
        await page.GotoAsync("/stores");
        await page.Locator($"[data-test=store-row][data-code='{mine}'] [data-test=choose-store]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Contains(mine, await page.Locator("[data-test=my-store]").InnerTextAsync());

        await page.FillAsync("header input[name=q]", sku);
        await page.Locator("header form.search button").ClickAsync();
        await page.Locator("[data-test=product-card]").First.ClickAsync();
        await page.WaitForURLAsync("**/p/**");

        Assert.StartsWith("€30.00", (await page.Locator("[data-test=price]").InnerTextAsync()).Trim());
        Assert.Equal("Quarter off", await page.Locator("[data-test=promotion]").InnerTextAsync());
        Assert.Contains("7 in stock", await page.Locator("[data-test=my-store-stock]").InnerTextAsync());
        var near = await page.Locator("[data-test=nearby-store]").AllInnerTextsAsync();
        Assert.Contains(near, row => row.Contains($"Test {nearby}") && row.Contains("1.1 km") && row.TrimEnd().EndsWith('3'));

        using var jsonLd = JsonDocument.Parse(await page.Locator("script[type='application/ld+json']").InnerTextAsync());
        var offer = jsonLd.RootElement.GetProperty("offers")[0];
        Assert.Equal("Product", jsonLd.RootElement.GetProperty("@type").GetString());
        Assert.Equal(sku, offer.GetProperty("sku").GetString());
        Assert.Equal(30.00m, offer.GetProperty("price").GetDecimal());
        Assert.Equal("https://schema.org/InStock", offer.GetProperty("availability").GetString());
    }

    [Fact]
    public async Task A_managers_price_exception_appears_in_the_consistency_report()
    {
        var store = await ApiSeed.Location(_admin, "STORE");
        var sku = await ApiSeed.Product(_admin, 20.00m);
        var page = await _web.SignInAsync(await _web.PersonAsync(Roles.OmnichannelManager));

        await page.GotoAsync("/manager/prices");
        await page.FillAsync("input[name='Input.Sku']", sku);
        await page.FillAsync("input[name='Input.LocationCode']", store);
        await page.FillAsync("input[name='Input.Amount']", "17.50");
        await page.FillAsync("input[name='Input.Reason']", "Clearance in this store");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add exception" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);

        var row = await page.Locator("[data-test=report-row]", new() { HasText = sku }).InnerTextAsync();
        Assert.Contains(store, row);
        Assert.Contains("€17.50", row);
        Assert.Contains("€20.00", row);
        Assert.Contains("-€2.50", row.Replace("€-", "-€", StringComparison.Ordinal));
        Assert.Contains("Clearance in this store", row);

        var report = await (await _admin.GetAsync("/api/v1/pricing/consistency")).Json(HttpStatusCode.OK);
        Assert.Contains(report.GetProperty("exceptions").EnumerateArray(), e => e.GetProperty("sku").GetString() == sku);
    }

    [Fact]
    public async Task A_manager_changes_a_stores_capabilities_through_the_same_update_as_the_api()
    {
        var store = await ApiSeed.Location(_admin, "STORE");
        var page = await _web.SignInAsync(await _web.PersonAsync(Roles.OmnichannelManager));

        await page.GotoAsync("/manager/locations");
        await page.GetByRole(AriaRole.Link, new() { Name = store }).ClickAsync();
        await page.Locator("[data-test=capability-ship]").UncheckAsync();
        await page.FillAsync("input[name='Input.DailyOrderCapacity']", "75");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Equal("Saved.", await page.Locator("[role=status]").InnerTextAsync());

        var location = await (await _admin.GetAsync($"/api/v1/locations/{store}")).Json(HttpStatusCode.OK);
        var capabilities = location.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.DoesNotContain("ship", capabilities);
        Assert.Contains("pickup", capabilities);
        Assert.Equal(75, location.GetProperty("dailyOrderCapacity").GetInt32());
        Assert.Equal("Test " + store, location.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_managers_invalid_price_exception_shows_the_apis_errors_and_changes_nothing()
    {
        var page = await _web.SignInAsync(await _web.PersonAsync(Roles.OmnichannelManager));
        await page.GotoAsync("/manager/prices");
        await page.FillAsync("input[name='Input.Sku']", "NO-SUCH-SKU");
        await page.FillAsync("input[name='Input.Amount']", "5");
        await page.FillAsync("input[name='Input.Reason']", "test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add exception" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);

        Assert.Contains("channel", await page.Locator("[role=alert]").InnerTextAsync());
        Assert.Equal(0, await page.Locator("[data-test=report-row]", new() { HasText = "NO-SUCH-SKU" }).CountAsync());
    }

    [Fact]
    public async Task An_associate_sees_their_stores_stock_and_cannot_open_another_stores_pages_or_the_console()
    {
        var own = await ApiSeed.Location(_admin, "STORE", lat: 48.8566, lon: 2.3522);
        var other = await ApiSeed.Location(_admin, "STORE", lat: 48.8600, lon: 2.3522);
        var sku = await ApiSeed.Product(_admin);
        await ApiSeed.Stock(_admin, own, sku, 5);
        await ApiSeed.Stock(_admin, other, sku, 2);
        var page = await _web.SignInAsync(await _web.PersonAsync(Roles.Associate, own));

        await page.GotoAsync($"/associate/{own}?q={sku}");
        Assert.Equal("5", await page.Locator("[data-test=this-store]").InnerTextAsync());
        Assert.Equal("7", await page.Locator("[data-test=network]").InnerTextAsync());

        await page.GotoAsync($"/associate/{other}?q={sku}");
        Assert.Equal("/denied", new Uri(page.Url).AbsolutePath);
        Assert.Equal(0, await page.Locator("[data-test=this-store]").CountAsync());

        await page.GotoAsync("/manager");
        Assert.Equal("/denied", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task Every_app_fits_phone_and_tablet_viewports()
    {
        var store = await ApiSeed.Location(_admin, "STORE");
        var sku = await ApiSeed.Product(_admin);
        await ApiSeed.Stock(_admin, store, sku, 4);
        var product = (await (await _admin.GetAsync($"/api/v1/products?q={sku}")).Json(HttpStatusCode.OK)).GetProperty("items")[0].GetProperty("code").GetString();
        var manager = await _web.PersonAsync(Roles.OmnichannelManager);
        var associate = await _web.PersonAsync(Roles.Associate, store);

        foreach (var (name, width, height) in Viewports)
        {
            var shopper = await (await _web.NewContextAsync(width, height)).NewPageAsync();
            await PageFit.AssertFitsAsync(shopper, "/", $"storefront-home-{name}");
            await PageFit.AssertFitsAsync(shopper, $"/p/{product}", $"storefront-product-{name}");
            await PageFit.AssertFitsAsync(shopper, "/stores", $"storefront-stores-{name}");

            var console = await _web.SignInAsync(manager, width, height);
            await PageFit.AssertFitsAsync(console, "/manager", $"manager-dashboard-{name}");
            Assert.Equal(3, await console.Locator("canvas[data-drawn]").CountAsync());
            await PageFit.AssertFitsAsync(console, "/manager/prices", $"manager-prices-{name}");

            var app = await _web.SignInAsync(associate, width, height);
            await PageFit.AssertFitsAsync(app, $"/associate/{store}?q={sku}", $"associate-lookup-{name}");
        }
    }
}

public sealed class WebAppsTests_Sqlite(KestrelSqliteOmni omni) : WebAppsTests(omni.Web), IClassFixture<KestrelSqliteOmni>;

public sealed class WebAppsTests_Postgres(KestrelPostgresOmni omni) : WebAppsTests(omni.Web), IClassFixture<KestrelPostgresOmni>;
