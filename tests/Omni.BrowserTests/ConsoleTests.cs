using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using Omni.BrowserTests.Infrastructure;
using Omni.Contracts.Identity;
using Omni.IntegrationTests.Infrastructure;

namespace Omni.BrowserTests;

/// <summary>The manager console's sourcing rules, what-if, coupons, users, audit log and order detail, in chromium on both databases.</summary>
public abstract class ConsoleTests(BrowserOmni web)
{
    private const int TabletWidth = 1024;
    private const int TabletHeight = 768;
    private readonly BrowserOmni _web = web;
    private readonly HttpClient _admin = web.Admin();

    [Fact]
    public async Task Editing_the_sourcing_rules_saves_a_new_version_and_the_what_if_compares_them_with_the_live_rules()
    {
        await ShippedOrderAsync();
        await ShippedOrderAsync();
        var before = await LiveRulesAsync();
        var manager = await _web.PersonAsync(Roles.OmnichannelManager);
        var page = await _web.SignInAsync(manager);
        await page.GotoAsync("/manager/sourcing");
        Assert.Equal(before.GetProperty("version").GetInt32().ToString(), await page.Locator("[data-test=live-version]").InnerTextAsync());

        await page.FillAsync("[data-test='maxSplits']", "0");
        await page.FillAsync("[data-test='splitPenalty']", "40");
        await page.FillAsync("[data-test='shipmentCost.store']", "1000");
        await page.FillAsync("[data-test='shipmentCost.warehouse']", "1000");
        await page.Locator("[data-test=simulate]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);

        var whatIf = page.Locator("[data-test=what-if]");
        Assert.Equal(2, await whatIf.Locator("[data-test=what-if-row]").CountAsync());
        Assert.Matches(@"^\d+ orders replayed", (await whatIf.Locator("h2").InnerTextAsync())["What-if: ".Length..]);
        Assert.Equal(2, await whatIf.Locator("canvas[data-drawn]").CountAsync());
        // Every shipment costs 1,000 under the proposal: dearer than any live plan of these orders.
        Assert.StartsWith("Cost change: +", await whatIf.Locator("[data-test=cost-change]").InnerTextAsync());
        var costs = (await whatIf.Locator("[data-test=what-if-row] td:nth-child(2)").AllInnerTextsAsync())
            .Select(c => decimal.Parse(c, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(costs[1] >= 1000 && costs[1] > costs[0], $"proposed {costs[1]} vs live {costs[0]}");
        Assert.Equal(before.GetProperty("version").GetInt32(), (await LiveRulesAsync()).GetProperty("version").GetInt32());
        // The form keeps what was typed, so the rules that were simulated are the ones saved next.
        Assert.Equal("40", await page.InputValueAsync("[data-test='splitPenalty']"));

        await page.GotoAsync("/manager/sourcing");
        await page.FillAsync("[data-test='maxSplits']", "0");
        await page.FillAsync("[data-test='splitPenalty']", "40");
        await page.Locator("[data-test=save-rules]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);

        var after = await LiveRulesAsync();
        var version = before.GetProperty("version").GetInt32() + 1;
        Assert.Equal(version, after.GetProperty("version").GetInt32());
        Assert.Equal(manager, after.GetProperty("createdBy").GetString());
        Assert.Equal(0, after.GetProperty("rules").GetProperty("maxSplits").GetInt32());
        Assert.Equal(40, after.GetProperty("rules").GetProperty("splitPenalty").GetDouble());
        Assert.Equal(before.GetProperty("rules").GetProperty("promise").GetRawText(), after.GetProperty("rules").GetProperty("promise").GetRawText());
        Assert.Contains($"version {version}", await page.Locator("[data-test=rules-notice]").InnerTextAsync());
        Assert.Equal(version.ToString(), await page.Locator("[data-test=live-version]").InnerTextAsync());
        Assert.Contains($"{version} (in force)", await page.Locator("[data-test=rule-version]").First.InnerTextAsync());
    }

    [Fact]
    public async Task Invalid_sourcing_rules_show_the_handlers_errors_and_change_nothing()
    {
        var before = await LiveRulesAsync();
        var page = await _web.SignInAsync(await _web.PersonAsync(Roles.OmnichannelManager));
        await page.GotoAsync("/manager/sourcing");
        await page.FillAsync("[data-test='maxSplits']", "50");
        await page.FillAsync("[data-test='promise.shipCutoff']", "25:99");
        await page.FillAsync("[data-test='eligibility[0].locations']", "BAD/CODE");
        await page.Locator("[data-test=save-rules]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);

        var alert = await page.Locator("ul.errors[role=alert]").InnerTextAsync();
        Assert.Contains("maxSplits must be between 0 and 10", alert);
        Assert.Contains("promise.shipCutoff must be a time HH:mm", alert);
        Assert.Contains("eligibility[0].locations[0]", alert);
        Assert.Equal("50", await page.InputValueAsync("[data-test='maxSplits']"));
        Assert.Equal(before.GetRawText(), (await LiveRulesAsync()).GetRawText());

        await page.FillAsync("[data-test='maxSplits']", "two");
        await page.Locator("[data-test=save-rules]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("maxSplits must be a whole number", await page.Locator("ul.errors[role=alert]").InnerTextAsync());
        Assert.Equal(before.GetRawText(), (await LiveRulesAsync()).GetRawText());
    }

    [Fact]
    public async Task The_order_page_explains_the_sourcing_and_lists_the_fulfillments()
    {
        var (order, warehouse, store) = await ShippedOrderAsync();
        var page = await _web.SignInAsync(await _web.PersonAsync(Roles.OmnichannelManager), TabletWidth, TabletHeight);
        await PageFit.AssertFitsAsync(page, $"/manager/orders/{order}", "manager-order-tablet");

        Assert.Contains("under rules version", await page.Locator("[data-test=sourcing-summary]").InnerTextAsync());
        var candidates = await page.Locator("[data-test=candidate]").AllInnerTextsAsync();
        Assert.Contains(candidates, c => c.Contains(warehouse) && c.Contains("chosen"));
        Assert.Contains(candidates, c => c.Contains(store) && !c.Contains("chosen"));
        var fulfillment = await page.Locator("[data-test=fulfillment-row]").InnerTextAsync();
        Assert.Contains(warehouse, fulfillment);
        Assert.Equal("allocated", await page.Locator("[data-test=fulfillment-status]").InnerTextAsync());
    }

    [Fact]
    public async Task A_coupon_created_in_the_console_is_redeemable_through_the_api()
    {
        var sku = await ApiSeed.Product(_admin, 20.00m);
        var warehouse = await ApiSeed.Location(_admin, "WH", "warehouse");
        await ApiSeed.Stock(_admin, warehouse, sku, 10);
        var promotion = OmniFactory.Unique("CPROMO");
        var code = OmniFactory.Unique("SAVE");
        var page = await _web.SignInAsync(await _web.PersonAsync(Roles.OmnichannelManager));

        await page.GotoAsync("/manager/promotions");
        await page.FillAsync("input[name='Input.Code']", promotion);
        await page.FillAsync("input[name='Input.Name']", "Coupon quarter");
        await page.SelectOptionAsync("select[name='Input.Target']", "sku");
        await page.FillAsync("input[name='Input.Values']", sku);
        await page.FillAsync("input[name='Input.Value']", "25");
        await page.Locator("[data-test=coupon-only]").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);

        await page.GotoAsync("/manager/coupons");
        await page.FillAsync("input[name='Input.Name']", "Newsletter");
        await page.SelectOptionAsync("[data-test=coupon-promotion]", new SelectOptionValue { Label = $"{promotion} — Coupon quarter" });
        await page.FillAsync("input[name='Input.Code']", code);
        await page.FillAsync("input[name='Input.MaxUses']", "1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create coupon" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal(code, await page.Locator("[data-test=new-code]").InnerTextAsync());

        var quote = await (await _admin.PostJson("/api/v1/pricing/quote", new { channel = "web", lines = new[] { new { sku, quantity = 1 } }, coupons = new[] { code } }))
            .Json(HttpStatusCode.OK);
        Assert.Equal(15.00m, quote.GetProperty("total").GetProperty("amount").GetDecimal());
        var order = await (await _admin.PostJson("/api/v1/orders", ShipOrder(sku, code))).Json(HttpStatusCode.Created);
        Assert.Equal(15.00m, order.GetProperty("total").GetProperty("amount").GetDecimal());
        await (await _admin.PostJson("/api/v1/orders", ShipOrder(sku, code))).Problem(HttpStatusCode.Conflict, "coupon_exhausted");

        await page.GotoAsync("/manager/coupons");
        var row = page.Locator("[data-test=coupon-row]", new() { HasText = "Newsletter" }).First;
        Assert.Contains(promotion, await row.InnerTextAsync());
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        var redemption = await page.Locator("[data-test=redemptions] [data-test=redemption-row]").InnerTextAsync();
        Assert.Contains(code, redemption);
        Assert.Contains("€5.00", redemption);
        Assert.Contains("redeemed", redemption);
    }

    [Fact]
    public async Task A_user_created_in_the_console_signs_in_to_the_app_of_their_role_and_changes_are_audited()
    {
        var store = await ApiSeed.Location(_admin, "STORE");
        var admin = await _web.PersonAsync(Roles.Admin);
        var email = $"new-associate-{Guid.NewGuid():N}@test.omni";
        var page = await _web.SignInAsync(admin);

        await page.GotoAsync("/manager/users");
        await page.FillAsync("input[name='Input.Name']", "Nora New");
        await page.FillAsync("input[name='Input.Email']", email);
        await page.SelectOptionAsync("[data-test=new-role]", Roles.Associate);
        await page.FillAsync("input[name='Input.StoreCode']", store.ToLowerInvariant());
        await page.FillAsync("input[name='Input.Password']", BrowserOmni.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains(email, await page.Locator("[data-test=users-notice]").InnerTextAsync());

        var associate = await (await _web.NewContextAsync(TabletWidth, TabletHeight)).NewPageAsync();
        await BrowserOmni.SubmitSignInAsync(associate, email, BrowserOmni.Password);
        Assert.Equal($"/associate/{store}", new Uri(associate.Url).AbsolutePath);

        await page.GotoAsync($"/manager/users?q={Uri.EscapeDataString(email)}");
        var row = $"[data-test=user-row][data-email='{email}']";
        await page.SelectOptionAsync($"{row} [data-test=role]", Roles.StoreManager);
        await page.Locator($"{row} [data-test=change-role]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal(Roles.StoreManager, await page.InputValueAsync($"{row} [data-test=role]"));
        Assert.Equal(store, await page.InputValueAsync($"{row} [data-test=store]"));

        await page.Locator($"{row} [data-test=lock]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.StartsWith("locked", await page.Locator($"{row} [data-test=user-status]").InnerTextAsync());
        var again = await (await _web.NewContextAsync()).NewPageAsync();
        await BrowserOmni.SubmitSignInAsync(again, email, BrowserOmni.Password);
        Assert.Equal("/signin", new Uri(again.Url).AbsolutePath);
        Assert.Contains("locked", await again.Locator("[role=alert]").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);

        await page.GotoAsync($"/manager/audit?actor={Uri.EscapeDataString(admin)}");
        var audit = await page.Locator("[data-test=audit-row]").AllInnerTextsAsync();
        Assert.Contains(audit, r => r.Contains("user.created") && r.Contains(email) && r.Contains($"associate at {store}"));
        Assert.Contains(audit, r => r.Contains("user.role_changed") && r.Contains($"associate at {store} → store-manager at {store}"));
        Assert.Contains(audit, r => r.Contains("user.locked") && r.Contains(email));
    }

    [Fact]
    public async Task A_manager_cannot_create_an_admin_or_change_roles()
    {
        var email = $"would-be-admin-{Guid.NewGuid():N}@test.omni";
        var page = await _web.SignInAsync(await _web.PersonAsync(Roles.OmnichannelManager));
        await page.GotoAsync("/manager/users");
        await page.FillAsync("input[name='Input.Name']", "Eve");
        await page.FillAsync("input[name='Input.Email']", email);
        await page.SelectOptionAsync("[data-test=new-role]", Roles.Admin);
        await page.FillAsync("input[name='Input.Password']", BrowserOmni.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);

        Assert.Contains("Only an admin manages admin accounts", await page.Locator("ul.errors[role=alert]").InnerTextAsync());
        Assert.Equal(0, await page.Locator("[data-test=change-role]").CountAsync());
        await page.GotoAsync($"/manager/users?q={Uri.EscapeDataString(email)}");
        Assert.Equal(0, await page.Locator("[data-test=user-row]").CountAsync());
    }

    [Fact]
    public async Task The_audit_log_lists_a_customer_read_by_its_api_key()
    {
        var created = await (await _admin.PostJson("/api/v1/customers", new { email = $"audited-{Guid.NewGuid():N}@example.com", name = "Audra" }))
            .Json(HttpStatusCode.Created);
        var id = created.GetProperty("customer").GetProperty("id").GetGuid();
        await (await _admin.GetAsync($"/api/v1/customers/{id}")).Json(HttpStatusCode.OK);
        var page = await _web.SignInAsync(await _web.PersonAsync(Roles.OmnichannelManager), TabletWidth, TabletHeight);

        await PageFit.AssertFitsAsync(page, "/manager/audit?kind=customer.personal_data_read&actor=bootstrap%20admin", "manager-audit-tablet");
        var rows = await page.Locator("[data-test=audit-row]").AllInnerTextsAsync();
        Assert.Contains(rows, r => r.Contains(id.ToString()) && r.Contains("customer 360") && r.Contains("bootstrap admin"));
        Assert.All(rows, r => Assert.Contains("customer.personal_data_read", r));

        await page.GotoAsync("/manager/audit?kind=no.such.kind");
        Assert.Contains("is not a kind", await page.Locator("ul.errors[role=alert]").InnerTextAsync());
    }

    [Fact]
    public async Task The_console_fits_a_tablet()
    {
        await ShippedOrderAsync();
        var page = await _web.SignInAsync(await _web.PersonAsync(Roles.Admin), TabletWidth, TabletHeight);
        await PageFit.AssertFitsAsync(page, "/manager", "manager-dashboard-tablet-landscape");
        Assert.Equal(3, await page.Locator("canvas[data-drawn]").CountAsync());
        await PageFit.AssertFitsAsync(page, "/manager/sourcing", "manager-sourcing-tablet");
        await page.Locator("[data-test=simulate]").ClickAsync();
        await PageFit.AssertFitsHereAsync(page, "manager-sourcing-what-if-tablet");
        Assert.Equal(2, await page.Locator("[data-test=what-if] canvas[data-drawn]").CountAsync());
        await PageFit.AssertFitsAsync(page, "/manager/coupons", "manager-coupons-tablet");
        await PageFit.AssertFitsAsync(page, "/manager/users", "manager-users-tablet");
        await PageFit.AssertFitsAsync(page, "/manager/audit", "manager-audit-all-tablet");
    }

    /// <summary>A one-line order shipped to Lyon, which a warehouse there serves rather than a Paris store: both hold the SKU.</summary>
    private async Task<(Guid Order, string Warehouse, string Store)> ShippedOrderAsync()
    {
        var sku = await ApiSeed.Product(_admin, 30.00m);
        var warehouse = await ApiSeed.Location(_admin, "WH", "warehouse", lat: 45.76, lon: 4.84);
        var store = await ApiSeed.Location(_admin, "STORE", lat: 48.8566, lon: 2.3522);
        await ApiSeed.Stock(_admin, warehouse, sku, 20);
        await ApiSeed.Stock(_admin, store, sku, 20);
        var order = await (await _admin.PostJson("/api/v1/orders", ShipOrder(sku, null))).Json(HttpStatusCode.Created);
        return (order.GetProperty("id").GetGuid(), warehouse, store);
    }

    private static object ShipOrder(string sku, string? coupon) => new
    {
        channel = "web",
        customer = new { email = $"buyer-{Guid.NewGuid():N}@example.com", name = "Ana" },
        shippingAddress = new { line1 = "5 place Bellecour", city = "Lyon", postalCode = "69002", country = "FR", latitude = 45.7578, longitude = 4.8320 },
        lines = new[] { new { sku, quantity = 1, fulfillment = new { method = "ship" } } },
        coupons = coupon is null ? Array.Empty<string>() : [coupon],
    };

    private async Task<JsonElement> LiveRulesAsync() => await (await _admin.GetAsync("/api/v1/sourcing/rules")).Json(HttpStatusCode.OK);
}

public sealed class ConsoleTests_Sqlite(KestrelSqliteOmni omni) : ConsoleTests(omni.Web), IClassFixture<KestrelSqliteOmni>;

public sealed class ConsoleTests_Postgres(KestrelPostgresOmni omni) : ConsoleTests(omni.Web), IClassFixture<KestrelPostgresOmni>;
