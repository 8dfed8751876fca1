using System.Globalization;
using Microsoft.Playwright;

namespace Omni.BrowserTests.Infrastructure;

/// <summary>What a shopper does on the storefront, step by step, for the tests that go through it.</summary>
public static class ShopperSteps
{
    public const int PhoneWidth = 390;
    public const int PhoneHeight = 844;

    /// <summary>Makes <paramref name="store"/> the shopper's store from the store locator.</summary>
    public static async Task ChooseStoreAsync(IPage page, string store)
    {
        await page.GotoAsync("/stores");
        await page.Locator($"[data-test=store-row][data-code='{store}'] [data-test=choose-store]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    /// <summary>Finds the product as a shopper does and adds it from its page; lands on the cart.</summary>
    public static async Task AddToCartAsync(IPage page, string sku, int quantity)
    {
        await page.GotoAsync($"/search?q={Uri.EscapeDataString(sku)}");
        await page.Locator("[data-test=product-card]").First.ClickAsync();
        await page.WaitForURLAsync("**/p/**");
        await page.FillAsync("[data-test=quantity]", quantity.ToString(CultureInfo.InvariantCulture));
        await page.Locator("[data-test=add-to-cart]").ClickAsync();
        await page.WaitForURLAsync("**/cart");
    }

    /// <summary>
    /// From the cart, checks out with pickup at the shopper's chosen <paramref name="store"/> (offered by default) under the
    /// signed-in shopper's <paramref name="email"/> (filled in for them), paying by a card that goes through. Lands on the
    /// confirmation and answers the order's number.
    /// </summary>
    public static async Task<string> CheckOutForPickupAsync(IPage page, string store, string email, string name)
    {
        await page.Locator("[data-test=checkout]").ClickAsync();
        await page.WaitForURLAsync("**/checkout");
        await PageFit.AssertFitsHereAsync(page);
        Assert.Equal(store, await page.Locator("[data-test=pickup-store]").InputValueAsync());
        Assert.Equal(email, await page.Locator("[data-test=contact-email]").InputValueAsync());
        await page.Locator("[data-test=method-pickup]").CheckAsync();
        await page.FillAsync("[data-test=contact-name]", name);
        await page.FillAsync("[data-test=payment-token]", "tok_visa");
        await page.Locator("[data-test=place-order]").ClickAsync();
        await page.WaitForURLAsync("**/checkout/done/**");
        return await page.Locator("[data-test=order-number]").InnerTextAsync();
    }

    /// <summary>The order's row in the shopper's account.</summary>
    public static async Task<ILocator> AccountOrderAsync(IPage page, string number)
    {
        await page.GotoAsync("/account");
        return page.Locator($"[data-test=account-order][data-order-number='{number}']");
    }

    /// <summary>Opens the order's own page from the shopper's account.</summary>
    public static async Task OpenAccountOrderAsync(IPage page, string number)
    {
        await (await AccountOrderAsync(page, number)).Locator("[data-test=account-order-link]").ClickAsync();
        await page.WaitForURLAsync("**/account/orders/**");
    }
}
