using Omni.BrowserTests.Infrastructure;
using Omni.Contracts.Identity;
using Omni.IntegrationTests.Infrastructure;
using static Omni.BrowserTests.Infrastructure.AssociateSteps;
using static Omni.BrowserTests.Infrastructure.ShopperSteps;

namespace Omni.BrowserTests;

/// <summary>
/// Buy online, pick up in store across the apps, with nothing in between driven by the API: the shopper orders on a phone,
/// the store's associate prepares it on a tablet, and the code the shopper reads on their account hands it over.
/// </summary>
public abstract class ClickAndCollectTests(BrowserOmni web)
{
    private readonly BrowserOmni _web = web;
    private readonly HttpClient _admin = web.Admin();

    [Fact]
    public async Task A_shopper_orders_for_pickup_the_stores_associate_prepares_it_live_and_hands_it_over_against_the_code_from_the_account()
    {
        // Two stores have the product: the order goes to the one the shopper chose.
        var store = await ApiSeed.Location(_admin, "STOREA");
        var nearby = await ApiSeed.Location(_admin, "STOREB");
        var sku = await ApiSeed.Product(_admin, 15.00m);
        await ApiSeed.Stock(_admin, store, sku, 5);
        await ApiSeed.Stock(_admin, nearby, sku, 5);
        var email = await _web.PersonAsync(Roles.Customer);
        var phone = await _web.SignInAsync(email, PhoneWidth, PhoneHeight);
        var tablet = await AssociateOfAsync(_web, store);
        await tablet.GotoAsync($"/associate/{store}/queue");
        await tablet.EvaluateAsync("() => window.notReloaded = true");

        await ChooseStoreAsync(phone, store);
        await AddToCartAsync(phone, sku, 2);
        var number = await CheckOutForPickupAsync(phone, store, email, "Cleo Collect");
        Assert.Equal($"Pickup at {store}", await phone.Locator("[data-test=line-fulfillment]").InnerTextAsync());

        // The queue refreshes in place: the new pickup shows up, counted, without the page being loaded again.
        await tablet.Locator($"[data-test=lane-prepare] [data-test=queue-row][data-order='{number}']").WaitForAsync();
        Assert.True(await tablet.EvaluateAsync<bool>("() => window.notReloaded === true"));
        Assert.Equal("1", await tablet.Locator("[data-test=count-prepare] b").InnerTextAsync());
        await PageFit.AssertFitsHereAsync(tablet, "associate-queue-tablet");
        await PickAndMakeReadyAsync(tablet, store, number);

        // The customer reads the code on their account order and gives it at the counter.
        await OpenAccountOrderAsync(phone, number);
        Assert.Equal($"Ready for pickup at {store}", await phone.Locator("[data-test=order-status]").InnerTextAsync());
        var code = await phone.Locator("[data-test=pickup-code]").InnerTextAsync();
        Assert.NotEmpty(code);
        await PageFit.AssertFitsHereAsync(phone, "storefront-pickup-ready-phone");

        await FindPickupAsync(tablet, store, number, code);
        await HandOverAsync(tablet, code == "ZZZZZZ" ? "YYYYYY" : "ZZZZZZ");
        Assert.Contains("not the pickup code", await tablet.Locator("[role=alert]").InnerTextAsync());
        Assert.Equal("ready_for_pickup", await StatusOnPageAsync(tablet));
        await phone.ReloadAsync();
        Assert.Equal($"Ready for pickup at {store}", await phone.Locator("[data-test=order-status]").InnerTextAsync());
        Assert.Equal(code, await phone.Locator("[data-test=pickup-code]").InnerTextAsync());

        // Typed as a person reads it off a phone: the code is not case-sensitive.
        await HandOverAsync(tablet, code.ToLowerInvariant());
        Assert.Equal("picked_up", await StatusOnPageAsync(tablet));
        var row = await AccountOrderAsync(phone, number);
        Assert.Equal("Picked up", await row.Locator("[data-test=account-order-status]").InnerTextAsync());
    }
}

public sealed class ClickAndCollectTests_Sqlite(KestrelSqliteOmni omni) : ClickAndCollectTests(omni.Web), IClassFixture<KestrelSqliteOmni>;

public sealed class ClickAndCollectTests_Postgres(KestrelPostgresOmni omni) : ClickAndCollectTests(omni.Web), IClassFixture<KestrelPostgresOmni>;
