using System.Net;
using Microsoft.Playwright;

namespace Omni.BrowserTests.Infrastructure;

/// <summary>Viewport checks shared by the apps' browser tests.</summary>
public static class PageFit
{
    /// <summary>
    /// Opens <paramref name="path"/> and checks the page itself does not scroll sideways (wide tables scroll inside their own
    /// box). When <c>OMNI_SCREENSHOTS</c> names a directory and a <paramref name="screenshot"/> name is given, saves a
    /// full-page screenshot there as <paramref name="screenshot"/>.png.
    /// </summary>
    public static async Task AssertFitsAsync(IPage page, string path, string? screenshot = null)
    {
        var response = await page.GotoAsync(path);
        Assert.Equal((int)HttpStatusCode.OK, response!.Status);
        await AssertFitsHereAsync(page, screenshot);
    }

    /// <summary>The same check on the page as it is now, e.g. the answer to a form post.</summary>
    public static async Task AssertFitsHereAsync(IPage page, string? screenshot = null)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        var path = new Uri(page.Url).PathAndQuery;
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{path} is {overflow}px wider than the {page.ViewportSize!.Width}px viewport");
        if (screenshot is not null && Environment.GetEnvironmentVariable("OMNI_SCREENSHOTS") is { Length: > 0 } directory)
            await page.ScreenshotAsync(new() { Path = Path.Combine(directory, $"{screenshot}.png"), FullPage = true });
    }
}
