using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Omni.BrowserTests.Infrastructure;
using Omni.Contracts.Identity;
using Omni.IntegrationTests.Infrastructure;
using static Omni.BrowserTests.Infrastructure.ShopperSteps;

namespace Omni.BrowserTests;

/// <summary>The shopper's storefront: cart across devices, checkout, confirmation and account, in Debian's chromium on both databases.</summary>
public abstract partial class ShopperTests(BrowserOmni web)
{
    private readonly BrowserOmni _web = web;
    private readonly HttpClient _admin = web.Admin();

    [Fact]
    public async Task An_anonymous_cart_continues_after_sign_in_on_a_second_device()
    {
        var email = await _web.PersonAsync(Roles.Customer);
        var warehouse = await ApiSeed.Location(_admin, "WH", type: "warehouse");
        var first = await ApiSeed.Product(_admin, 12.00m);
        var second = await ApiSeed.Product(_admin, 5.00m);
        await ApiSeed.Stock(_admin, warehouse, first, 20);
        await ApiSeed.Stock(_admin, warehouse, second, 20);

        var laptop = await (await _web.NewContextAsync()).NewPageAsync();
        await AddToCartAsync(laptop, first, 2);
        var cookie = (await laptop.Context.CookiesAsync()).Single(c => c.Name == "omni.cart");
        Assert.True(cookie.HttpOnly && cookie.Secure, "the cart token cookie must be HttpOnly and Secure");
        await BrowserOmni.SubmitSignInAsync(laptop, email, BrowserOmni.Password);

        var phone = await (await _web.NewContextAsync(PhoneWidth, PhoneHeight)).NewPageAsync();
        await AddToCartAsync(phone, second, 1);
        await BrowserOmni.SubmitSignInAsync(phone, email, BrowserOmni.Password);

        var expected = new Dictionary<string, string> { [first] = "2", [second] = "1" };
        Assert.Equal(expected, await CartLinesAsync(phone));
        Assert.Equal(expected, await CartLinesAsync(laptop));
        Assert.Equal("€29.00", await TotalAsync(laptop));
        await PageFit.AssertFitsAsync(phone, "/cart");
    }

    [Fact]
    public async Task The_cart_changes_quantities_removes_lines_and_shows_promotions_and_delivery_options()
    {
        var store = await ApiSeed.Location(_admin, "STORE");
        var sku = await ApiSeed.Product(_admin, 10.00m);
        var other = await ApiSeed.Product(_admin, 4.00m);
        await ApiSeed.Stock(_admin, store, sku, 3);
        await ApiSeed.Stock(_admin, store, other, 3);
        await (await _admin.PostJson("/api/v1/pricing/promotions", new
        {
            code = OmniFactory.Unique("TENTH"), name = "Tenth off", kind = "percentOff", target = new { type = "sku", values = new[] { sku } }, percent = 10,
        })).Json(HttpStatusCode.Created);

        var page = await (await _web.NewContextAsync()).NewPageAsync();
        await ChooseStoreAsync(page, store);
        await AddToCartAsync(page, sku, 2);
        await AddToCartAsync(page, other, 1);

        var line = Line(page, sku);
        Assert.Contains("Tenth off", await line.Locator("[data-test=line-promotion]").InnerTextAsync());
        Assert.Equal("€18.00", await line.Locator("[data-test=line-total]").InnerTextAsync());
        Assert.Contains($"Pickup today at {store}", await line.Locator("[data-test=delivery-options]").InnerTextAsync());
        Assert.Contains($"Curbside today at {store}", await line.Locator("[data-test=delivery-options]").InnerTextAsync());

        await line.Locator("[data-test=line-quantity]").FillAsync("5");
        await line.Locator("[data-test=update-quantity]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        line = Line(page, sku);
        Assert.Equal("5", await line.Locator("[data-test=line-quantity]").InputValueAsync());
        Assert.Equal("Not available in this quantity", await line.Locator("[data-test=delivery-options]").InnerTextAsync());

        // Past the browser's own check of the field: the Carts module's validation answers.
        await line.Locator("[data-test=line-quantity]").EvaluateAsync("input => input.form.noValidate = true");
        await line.Locator("[data-test=line-quantity]").FillAsync("0");
        await line.Locator("[data-test=update-quantity]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Contains("quantity", await page.Locator("[role=alert]").InnerTextAsync());

        await Line(page, other).Locator("[data-test=remove-line]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Equal(new Dictionary<string, string> { [sku] = "5" }, await CartLinesAsync(page));

        await page.FillAsync("[data-test=coupon-code]", "welcome10");
        await page.Locator("[data-test=apply-coupon]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Equal(["WELCOME10"], await page.Locator("[data-test=coupon]").AllInnerTextsAsync());
    }

    [Fact]
    public async Task Checkout_with_pickup_places_one_order_even_when_the_form_is_sent_twice_and_the_account_lists_it()
    {
        var email = await _web.PersonAsync(Roles.Customer);
        var store = await ApiSeed.Location(_admin, "STORE");
        var sku = await ApiSeed.Product(_admin, 15.00m);
        await ApiSeed.Stock(_admin, store, sku, 5);
        var page = await _web.SignInAsync(email, PhoneWidth, PhoneHeight);
        await ChooseStoreAsync(page, store);
        await AddToCartAsync(page, sku, 2);

        string? form = null;
        page.Request += (_, request) => { if (request.Method == "POST" && request.Url.EndsWith("/checkout", StringComparison.Ordinal)) form = request.PostData; };
        var number = await CheckOutForPickupAsync(page, store, email, "Paula Pickup");
        var confirmation = new Uri(page.Url).AbsolutePath;
        Assert.Equal($"Pickup at {store}", await page.Locator("[data-test=line-fulfillment]").InnerTextAsync());
        Assert.Equal($"Being prepared at {store}", await page.Locator("[data-test=order-status]").InnerTextAsync());
        await PageFit.AssertFitsHereAsync(page);

        // The same form sent again (a double click, a retry) answers the same order and places no other.
        var again = await page.Context.APIRequest.PostAsync("/checkout", new()
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded" }, Data = form, MaxRedirects = 0,
        });
        Assert.Equal((int)HttpStatusCode.Redirect, again.Status);
        Assert.Equal(confirmation, new Uri(new Uri(_web.BaseUrl), again.Headers["location"]).AbsolutePath);
        var orders = (await (await _admin.GetAsync($"/api/v1/orders?email={Uri.EscapeDataString(email)}")).Json(HttpStatusCode.OK)).GetProperty("items");
        Assert.Equal(1, orders.GetArrayLength());
        Assert.Equal(number, orders[0].GetProperty("number").GetString());

        var row = await AccountOrderAsync(page, number);
        Assert.Equal($"Being prepared at {store}", await row.Locator("[data-test=account-order-status]").InnerTextAsync());
        await PageFit.AssertFitsHereAsync(page);
    }

    [Fact]
    public async Task A_declined_card_shows_the_error_and_places_nothing()
    {
        var email = $"declined-{Guid.NewGuid():N}@test.omni";
        var store = await ApiSeed.Location(_admin, "STORE");
        var sku = await ApiSeed.Product(_admin, 8.00m);
        await ApiSeed.Stock(_admin, store, sku, 5);
        var page = await (await _web.NewContextAsync()).NewPageAsync();
        await ChooseStoreAsync(page, store);
        await AddToCartAsync(page, sku, 1);

        await page.GotoAsync("/checkout");
        await page.FillAsync("[data-test=contact-email]", email);
        await page.FillAsync("[data-test=payment-token]", "tok_decline");
        await page.Locator("[data-test=place-order]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);

        Assert.Equal("/checkout", new Uri(page.Url).AbsolutePath);
        Assert.Contains("declined", await page.Locator("[role=alert]").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        var orders = (await (await _admin.GetAsync($"/api/v1/orders?email={Uri.EscapeDataString(email)}")).Json(HttpStatusCode.OK)).GetProperty("items");
        Assert.Equal(0, orders.GetArrayLength());
        Assert.Equal(0, (await ApiSeed.Position(_admin, store, sku)).GetProperty("reserved").GetInt32());

        // The cart is still there, and a good card goes through from the same page.
        await page.FillAsync("[data-test=payment-token]", "tok_visa");
        await page.Locator("[data-test=place-order]").ClickAsync();
        await page.WaitForURLAsync("**/checkout/done/**");
        Assert.Equal(1, (await ApiSeed.Position(_admin, store, sku)).GetProperty("reserved").GetInt32());
        Assert.True(await page.Locator("[data-test=order-number]").IsVisibleAsync(), "the anonymous shopper sees their confirmation");

        // The confirmation opens for whoever holds the cart it was made from, not for anyone with its address.
        var stranger = await (await _web.NewContextAsync()).NewPageAsync();
        await stranger.GotoAsync(page.Url);
        Assert.Equal(0, await stranger.Locator("[data-test=order]").CountAsync());
    }

    [Fact]
    public async Task Store_purchases_show_in_the_account_beside_online_orders()
    {
        var email = await _web.PersonAsync(Roles.Customer);
        var store = await ApiSeed.Location(_admin, "STORE");
        var sku = await ApiSeed.Product(_admin, 9.00m);
        await ApiSeed.Stock(_admin, store, sku, 5);
        var sale = await (await _admin.PostJson($"/api/v1/stores/{store}/sales", new
        {
            lines = new[] { new { sku, quantity = 1, unitPrice = new { amount = 9.00m, currency = "EUR" } } }, customer = new { email },
        })).Json(HttpStatusCode.Created);

        var page = await _web.SignInAsync(email);
        await page.GotoAsync("/account");
        var row = page.Locator($"[data-test=account-order][data-order-number='{sale.GetProperty("number").GetString()}']");
        Assert.Contains($"In store {store}", await row.InnerTextAsync());
        Assert.Equal($"Bought in store {store}", await row.Locator("[data-test=account-order-status]").InnerTextAsync());

        // Someone else's order is not found, whatever its id.
        var stranger = await _web.SignInAsync(await _web.PersonAsync(Roles.Customer));
        await stranger.GotoAsync($"/account/orders/{sale.GetProperty("id").GetGuid()}");
        Assert.Equal(0, await stranger.Locator("[data-test=order]").CountAsync());
    }

    [Fact]
    public async Task Consents_change_per_purpose_and_every_decision_joins_the_ledger()
    {
        var email = await _web.PersonAsync(Roles.Customer);
        var page = await _web.SignInAsync(email, PhoneWidth, PhoneHeight);
        await page.GotoAsync("/account/consents");
        await PageFit.AssertFitsHereAsync(page);
        var sms = page.Locator("[data-test=consent][data-purpose=sms]");
        Assert.Equal("not asked", await sms.Locator("[data-test=consent-state]").InnerTextAsync());

        await sms.Locator("[data-test=consent-toggle]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Equal("allowed", await sms.Locator("[data-test=consent-state]").InnerTextAsync());
        await sms.Locator("[data-test=consent-toggle]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Equal("not allowed", await sms.Locator("[data-test=consent-state]").InnerTextAsync());
        Assert.Equal(2, await page.Locator("[data-test=consent-entry]").CountAsync());

        var profile = (await (await _admin.GetAsync($"/api/v1/customers?email={Uri.EscapeDataString(email)}")).Json(HttpStatusCode.OK)).GetProperty("items")[0];
        var ledger = await (await _admin.GetAsync($"/api/v1/customers/{profile.GetProperty("id").GetGuid()}/consents")).Json(HttpStatusCode.OK);
        var history = ledger.GetProperty("history").EnumerateArray().Select(e => (e.GetProperty("purpose").GetString(), e.GetProperty("granted").GetBoolean(), e.GetProperty("channel").GetString()));
        Assert.Equal([("sms", false, "web"), ("sms", true, "web")], history);
    }

    [Fact]
    public async Task A_shopper_downloads_their_data_and_erases_it_after_confirming()
    {
        var email = await _web.PersonAsync(Roles.Customer);
        var page = await _web.SignInAsync(email, PhoneWidth, PhoneHeight);
        await page.GotoAsync("/account/privacy");
        await PageFit.AssertFitsHereAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-test=export-data]").ClickAsync());
        using (var export = JsonDocument.Parse(await File.ReadAllTextAsync((await download.PathAsync())!)))
        {
            var customers = export.RootElement.GetProperty("modules").GetProperty("customers").GetRawText();
            Assert.Contains(email, customers, StringComparison.OrdinalIgnoreCase);
        }

        await page.Locator("[data-test=erase-data]").ClickAsync();
        await page.WaitForURLAsync("**/account/privacy?confirm=true");
        Assert.Contains("cannot be undone", await page.Locator("[data-test=erase-warning]").InnerTextAsync());
        await page.Locator("[data-test=erase-understood]").CheckAsync();
        await page.Locator("[data-test=erase-confirm]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        Assert.True(await page.Locator("[data-test=sign-in]").IsVisibleAsync(), "erasure signs the shopper out");

        var found = await (await _admin.GetAsync($"/api/v1/customers?email={Uri.EscapeDataString(email)}")).Json(HttpStatusCode.OK);
        Assert.Equal(0, found.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task The_wallet_lists_the_shoppers_coupons_and_puts_one_in_the_cart()
    {
        var email = await _web.PersonAsync(Roles.Customer);
        var sku = await ApiSeed.Product(_admin, 10.00m);
        var warehouse = await ApiSeed.Location(_admin, "WH", type: "warehouse");
        await ApiSeed.Stock(_admin, warehouse, sku, 5);
        var promotion = (await (await _admin.PostJson("/api/v1/pricing/promotions", new
        {
            code = OmniFactory.Unique("CPN"), name = "Welcome back", kind = "percentOff", target = new { type = "cart" }, percent = 15, couponOnly = true,
        })).Json(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var coupon = await (await _admin.PostJson("/api/v1/pricing/coupons", new
        {
            name = "Personal", promotionId = promotion, kind = "unique", recipients = new[] { new { email } },
        })).Json(HttpStatusCode.Created);
        var code = coupon.GetProperty("codes")[0].GetProperty("code").GetString()!;

        var page = await _web.SignInAsync(email, PhoneWidth, PhoneHeight);
        await page.GotoAsync("/account/wallet");
        await PageFit.AssertFitsHereAsync(page);
        var row = page.Locator($"[data-test=wallet-coupon][data-code='{code}']");
        Assert.Contains("Welcome back", await row.InnerTextAsync());

        await AddToCartAsync(page, sku, 1);
        await page.GotoAsync("/account/wallet");
        await row.Locator("[data-test=use-coupon]").ClickAsync();
        await page.WaitForURLAsync("**/cart");
        Assert.Equal([code], await page.Locator("[data-test=coupon]").AllInnerTextsAsync());
    }

    [Fact]
    public async Task Account_pages_need_a_signed_in_shopper()
    {
        var page = await (await _web.NewContextAsync()).NewPageAsync();
        foreach (var path in new[] { "/account", "/account/wallet", "/account/consents", "/account/privacy" })
        {
            await page.GotoAsync(path);
            Assert.Equal("/signin", new Uri(page.Url).AbsolutePath);
        }
    }

    private static ILocator Line(IPage page, string sku) => page.Locator($"[data-test=cart-line][data-sku='{sku}']");

    private static async Task<Dictionary<string, string>> CartLinesAsync(IPage page)
    {
        await page.GotoAsync("/cart");
        var lines = new Dictionary<string, string>();
        foreach (var line in await page.Locator("[data-test=cart-line]").AllAsync())
            lines[(await line.GetAttributeAsync("data-sku"))!] = await line.Locator("[data-test=line-quantity]").InputValueAsync();
        return lines;
    }

    private static async Task<string> TotalAsync(IPage page) =>
        TotalPattern().Match(await page.Locator("[data-test=cart-total]").InnerTextAsync()).Value;

    [GeneratedRegex(@"€[\d,]+\.\d\d")]
    private static partial Regex TotalPattern();
}

public sealed class ShopperTests_Sqlite(KestrelSqliteOmni omni) : ShopperTests(omni.Web), IClassFixture<KestrelSqliteOmni>;

public sealed class ShopperTests_Postgres(KestrelPostgresOmni omni) : ShopperTests(omni.Web), IClassFixture<KestrelPostgresOmni>;
