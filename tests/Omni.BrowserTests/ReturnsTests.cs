using System.Net;
using Omni.BrowserTests.Infrastructure;
using Omni.Contracts.Identity;
using Omni.IntegrationTests.Infrastructure;

namespace Omni.BrowserTests;

/// <summary>Return in a different store: the shopper starts it online and chooses the store, whose associate receives it.</summary>
public abstract class ReturnsTests(BrowserOmni web)
{
    private readonly BrowserOmni _web = web;
    private readonly HttpClient _admin = web.Admin();

    [Fact]
    public async Task A_purchase_from_store_a_is_returned_online_to_store_b_which_never_stocked_it_and_b_receives_it_for_sale()
    {
        var storeA = await ApiSeed.Location(_admin, "STOREA", lat: 48.8566, lon: 2.3522);
        var storeB = await ApiSeed.Location(_admin, "STOREB", lat: 48.8700, lon: 2.3522, capabilities: ["pickup", "returns"]);
        var sku = await ApiSeed.Product(_admin, 24.50m);
        await ApiSeed.Stock(_admin, storeA, sku, 3);
        var shopper = await _web.PersonAsync(Roles.Customer);
        var sale = await (await _admin.PostJson($"/api/v1/stores/{storeA}/sales", new
        {
            lines = new[] { new { sku, quantity = 1, unitPrice = new { amount = 24.50m, currency = "EUR" } } },
            customer = new { email = shopper, name = "Sam Shopper" },
        }, Guid.NewGuid().ToString())).Json(HttpStatusCode.Created);
        var number = sale.GetProperty("number").GetString();

        // The shopper, on a phone, starts the return from their orders and chooses store B.
        var phone = await _web.SignInAsync(shopper, ShopperSteps.PhoneWidth, ShopperSteps.PhoneHeight);
        await PageFit.AssertFitsAsync(phone, "/account/returns");
        await phone.Locator($"[data-test=my-order][data-number='{number}'] [data-test=start-return-link]").ClickAsync();
        await phone.WaitForURLAsync("**/return");
        await PageFit.AssertFitsHereAsync(phone);
        await phone.Locator($"[data-test=return-line][data-sku='{sku}'] input").FillAsync("1");
        await phone.Locator("[data-test=return-store-choice]").SelectOptionAsync(storeB);
        await phone.Locator("[data-test=start-return]").ClickAsync();
        var code = (await phone.Locator("[data-test=return-code]").InnerTextAsync()).Trim();
        Assert.Matches("^[2-9A-Z]{8}$", code);
        Assert.Equal($"Test {storeB}", await phone.Locator("[data-test=return-store]").InnerTextAsync());
        await PageFit.AssertFitsHereAsync(phone);

        // An associate of store A cannot open store B's returns.
        var associateA = await AssociateSteps.AssociateOfAsync(_web, storeA);
        await associateA.GotoAsync($"/associate/{storeB}/returns");
        Assert.Equal("/denied", new Uri(associateA.Url).AbsolutePath);
        Assert.Equal(0, await associateA.Locator("[data-test=expected-return]").CountAsync());

        // Store B's associate, on a tablet, sees it expected, finds it by its code and receives it.
        var tablet = await AssociateSteps.AssociateOfAsync(_web, storeB);
        await PageFit.AssertFitsAsync(tablet, $"/associate/{storeB}/returns");
        Assert.Equal(1, await tablet.Locator($"[data-test=expected-return][data-code='{code}']").CountAsync());
        await tablet.Locator("[data-test=return-code-input]").FillAsync(code);
        await tablet.Locator("[data-test=find-return]").ClickAsync();
        await tablet.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith($"/associate/{storeB}/returns/", StringComparison.Ordinal));
        await PageFit.AssertFitsHereAsync(tablet);
        Assert.Equal("1", await tablet.Locator($"[data-test=return-line][data-sku='{sku}'] [data-test=line-quantity]").InputValueAsync());
        await tablet.Locator($"[data-test=return-line][data-sku='{sku}'] [data-test=line-condition]").SelectOptionAsync("Sellable");
        await tablet.Locator("[data-test=receive-return]").ClickAsync();

        Assert.Equal("€24.50", await tablet.Locator("[data-test=refund]").InnerTextAsync());
        Assert.Contains("restock", await tablet.Locator("[data-test=received-line]").InnerTextAsync());
        await PageFit.AssertFitsHereAsync(tablet);
        var position = await ApiSeed.Position(_admin, storeB, sku);
        Assert.Equal((1, 1), (position.GetProperty("onHand").GetInt32(), position.GetProperty("available").GetInt32()));
        Assert.Equal(2, (await ApiSeed.Position(_admin, storeA, sku)).GetProperty("onHand").GetInt32());

        // No longer expected; the shopper sees it received.
        await tablet.GotoAsync($"/associate/{storeB}/returns");
        Assert.Equal(0, await tablet.Locator($"[data-test=expected-return][data-code='{code}']").CountAsync());
        await phone.GotoAsync("/account/returns");
        Assert.Contains("received", await phone.Locator("[data-test=my-return]", new() { HasText = code }).InnerTextAsync());
    }

    [Fact]
    public async Task A_shopper_cancels_a_return_they_started_and_the_store_no_longer_expects_it()
    {
        var store = await ApiSeed.Location(_admin, "CANCEL");
        var sku = await ApiSeed.Product(_admin, 9.00m);
        var shopper = await _web.PersonAsync(Roles.Customer);
        var sale = await (await _admin.PostJson($"/api/v1/stores/{store}/sales", new
        {
            lines = new[] { new { sku, quantity = 1, unitPrice = new { amount = 9.00m, currency = "EUR" } } }, customer = new { email = shopper },
        }, Guid.NewGuid().ToString())).Json(HttpStatusCode.Created);
        var requested = await (await _admin.PostJson("/api/v1/returns/requests", new
        {
            orderId = sale.GetProperty("id").GetGuid(), locationCode = store, lines = new[] { new { sku, quantity = 1 } },
        })).Json(HttpStatusCode.Created);
        var code = requested.GetProperty("code").GetString()!;

        var phone = await _web.SignInAsync(shopper, ShopperSteps.PhoneWidth, ShopperSteps.PhoneHeight);
        await PageFit.AssertFitsAsync(phone, "/account/returns");
        var row = phone.Locator("[data-test=my-return]", new() { HasText = code });
        await row.Locator("[data-test=cancel-return]").ClickAsync();

        Assert.Equal("cancelled", await phone.Locator("[data-test=my-return]", new() { HasText = code }).Locator("[data-test=my-return-status]").InnerTextAsync());
        var queue = await (await _admin.GetAsync($"/api/v1/returns/requests?locationCode={store}&status=requested")).Json(HttpStatusCode.OK);
        Assert.Equal(0, queue.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task An_associate_takes_a_return_at_the_counter_found_by_the_order_number()
    {
        var store = await ApiSeed.Location(_admin, "COUNTER");
        var sku = await ApiSeed.Product(_admin, 12.00m);
        await ApiSeed.Stock(_admin, store, sku, 2);
        var sale = await (await _admin.PostJson($"/api/v1/stores/{store}/sales", new
        {
            lines = new[] { new { sku, quantity = 2, unitPrice = new { amount = 12.00m, currency = "EUR" } } },
        }, Guid.NewGuid().ToString())).Json(HttpStatusCode.Created);

        var tablet = await AssociateSteps.AssociateOfAsync(_web, store);
        await PageFit.AssertFitsAsync(tablet, $"/associate/{store}/returns/counter?q={sale.GetProperty("number").GetString()}");
        await tablet.Locator("[data-test=counter-return-submit]").ClickAsync();
        Assert.Contains("at least one line", await tablet.Locator("[role=alert]").InnerTextAsync());

        await tablet.Locator($"[data-test=return-line][data-sku='{sku}'] [data-test=line-quantity]").FillAsync("1");
        await tablet.Locator($"[data-test=return-line][data-sku='{sku}'] [data-test=line-condition]").SelectOptionAsync("Damaged");
        await tablet.Locator("[data-test=refund-to]").SelectOptionAsync("StoreCredit");
        await tablet.Locator("[data-test=counter-return-submit]").ClickAsync();

        Assert.Equal("€12.00", await tablet.Locator("[data-test=refund]").InnerTextAsync());
        Assert.Contains("unsellable", await tablet.Locator("[data-test=received-line]").InnerTextAsync());
        await PageFit.AssertFitsHereAsync(tablet);
        var position = await ApiSeed.Position(_admin, store, sku);
        Assert.Equal((0, 1), (position.GetProperty("onHand").GetInt32(), position.GetProperty("unsellable").GetInt32()));
    }
}

public sealed class ReturnsTests_Sqlite(KestrelSqliteOmni omni) : ReturnsTests(omni.Web), IClassFixture<KestrelSqliteOmni>;

public sealed class ReturnsTests_Postgres(KestrelPostgresOmni omni) : ReturnsTests(omni.Web), IClassFixture<KestrelPostgresOmni>;
