using Microsoft.Playwright;
using Omni.Contracts.Identity;

namespace Omni.BrowserTests.Infrastructure;

/// <summary>What a store associate does in the associate app on a tablet, step by step, for the tests that go through it.</summary>
public static class AssociateSteps
{
    public const int TabletWidth = 1024;
    public const int TabletHeight = 768;

    /// <summary>A new associate of <paramref name="store"/>, signed in on a tablet.</summary>
    public static async Task<IPage> AssociateOfAsync(BrowserOmni web, string store) =>
        await web.SignInAsync(await web.PersonAsync(Roles.Associate, store), TabletWidth, TabletHeight);

    /// <summary>Opens the order's fulfillment from its row in the named lane of the store's queue.</summary>
    public static async Task OpenFromQueueAsync(IPage associate, string store, string lane, string number)
    {
        await associate.GotoAsync($"/associate/{store}/queue");
        await associate.Locator($"[data-test=lane-{lane}] [data-test=queue-row][data-order='{number}'] a").ClickAsync();
        await associate.WaitForURLAsync("**/fulfillments/**");
    }

    /// <summary>Picks everything of a pickup waiting to be prepared and marks it ready, which issues the pickup code.</summary>
    public static async Task PickAndMakeReadyAsync(IPage associate, string store, string number)
    {
        await OpenFromQueueAsync(associate, store, "prepare", number);
        await Forms.SubmitAsync(associate, "[data-test=pick]");
        Assert.Equal("picking", await StatusOnPageAsync(associate));
        await Forms.SubmitAsync(associate, "[data-test=ready]");
        Assert.Equal("ready_for_pickup", await StatusOnPageAsync(associate));
        Assert.Contains("sent it by e-mail", await associate.Locator("[data-test=code-issued]").InnerTextAsync());
    }

    /// <summary>Finds a pickup ready at the store by the code the customer shows and opens it.</summary>
    public static async Task FindPickupAsync(IPage associate, string store, string number, string code)
    {
        await associate.GotoAsync($"/associate/{store}/pickups");
        await associate.FillAsync("[data-test=pickup-search]", code);
        await Forms.SubmitAsync(associate, "[data-test=pickup-find]");
        await associate.Locator($"[data-test=pickup-row][data-order='{number}']").ClickAsync();
        await associate.WaitForURLAsync("**/fulfillments/**");
    }

    /// <summary>Hands the open fulfillment over against the code the customer gives.</summary>
    public static async Task HandOverAsync(IPage associate, string code)
    {
        await associate.FillAsync("[data-test=pickup-code]", code);
        await Forms.SubmitAsync(associate, "[data-test=handover]");
    }

    /// <summary>The fulfillment's state as the open fulfillment page shows it.</summary>
    public static Task<string?> StatusOnPageAsync(IPage page) => page.Locator("[data-test=fulfillment-status]").GetAttributeAsync("data-status");
}
