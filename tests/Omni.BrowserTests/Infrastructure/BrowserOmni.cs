using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Omni.Identity.Users;
using Omni.IntegrationTests.Infrastructure;

namespace Omni.BrowserTests.Infrastructure;

/// <summary>
/// Omni on a real Kestrel port (a browser cannot reach WebApplicationFactory's in-memory TestServer), plus Debian's
/// chromium driven by Playwright. Never downloads a browser.
/// </summary>
public sealed class BrowserOmni(OmniFactory omni) : IAsyncDisposable
{
    public const string Password = "browser-test-password";
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public OmniFactory Omni => omni;

    /// <summary>
    /// <c>localhost</c> rather than 127.0.0.1: the sign-in cookie is Secure, and browsers accept Secure cookies over plain
    /// HTTP only from localhost.
    /// </summary>
    public string BaseUrl
    {
        get
        {
            var address = omni.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new UriBuilder(address) { Host = "localhost" }.Uri.ToString().TrimEnd('/');
        }
    }

    /// <summary>An admin API client for seeding. The factory's clients default to http://localhost; this one targets the real port.</summary>
    public HttpClient Admin()
    {
        var client = omni.Admin();
        client.BaseAddress = new Uri(BaseUrl);
        return client;
    }

    public async Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 900)
    {
        if (_browser is null)
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });
        }
        var context = await _browser.NewContextAsync(new() { BaseURL = BaseUrl, ViewportSize = new() { Width = width, Height = height } });
        // Generous: .ci/run runs the browser tests beside the integration tests on two cores, and a page may wait its turn.
        context.SetDefaultTimeout(60_000);
        return context;
    }

    /// <summary>A person with a unique email; associates and store managers need <paramref name="store"/>.</summary>
    public async Task<string> PersonAsync(string role, string? store = null)
    {
        var email = $"{role}-{Guid.NewGuid():N}@test.omni";
        var result = await omni.InScope(s => s.GetRequiredService<UserAccounts>().CreateAsync(email, $"Test {role}", role, store, Password, CancellationToken.None));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return email;
    }

    /// <summary>Signs in through the sign-in page, as a person would.</summary>
    public async Task<IPage> SignInAsync(string email, int width = 1280, int height = 900)
    {
        var page = await (await NewContextAsync(width, height)).NewPageAsync();
        await SubmitSignInAsync(page, email, Password);
        return page;
    }

    public static async Task SubmitSignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/signin");
        await page.FillAsync("input[name='Input.Email']", email);
        await page.FillAsync("input[name='Input.Password']", password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

/// <summary>A server on SQLite with one browser for the test class.</summary>
public sealed class KestrelSqliteOmni : SqliteOmni
{
    public KestrelSqliteOmni()
    {
        UseKestrel(0);
        Web = new BrowserOmni(this);
    }

    public BrowserOmni Web { get; }

    protected override async Task DisposeCoreAsync()
    {
        await Web.DisposeAsync();
        await base.DisposeCoreAsync();
    }
}

/// <summary>A server on PostgreSQL with one browser for the test class.</summary>
public sealed class KestrelPostgresOmni : PostgresOmni
{
    public KestrelPostgresOmni()
    {
        UseKestrel(0);
        Web = new BrowserOmni(this);
    }

    public BrowserOmni Web { get; }

    protected override async Task DisposeCoreAsync()
    {
        await Web.DisposeAsync();
        await base.DisposeCoreAsync();
    }
}
