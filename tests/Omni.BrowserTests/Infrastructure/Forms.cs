using Microsoft.Playwright;

namespace Omni.BrowserTests.Infrastructure;

/// <summary>Form posts on the statically rendered pages.</summary>
public static class Forms
{
    /// <summary>
    /// Posts a form of the statically rendered page and waits for the answer to load. The forms post back to the page's
    /// own address, so waiting for a URL (Playwright's suggested replacement) would return before the answer arrives.
    /// </summary>
#pragma warning disable CS0612
    public static Task<IResponse?> SubmitAsync(IPage page, string button) =>
        page.RunAndWaitForNavigationAsync(() => page.Locator(button).ClickAsync(), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
#pragma warning restore CS0612
}
