using Omni.Contracts.Identity;
using Omni.Contracts.Locations;
using Omni.Identity.Users;
using Spectre.Console;

namespace Omni.Server.Demo;

/// <summary>
/// One person per role for trying the browser apps, created through the same account rules as everyone else.
/// The password is public on purpose: this is demo data, printed on the console.
/// </summary>
internal static class DemoUsers
{
    public const string Password = "omni-demo-password";

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var locations = await scope.ServiceProvider.GetRequiredService<ILocationDirectory>().AllAsync(ct);
        var store = locations.Values.Where(l => l.Type == LocationType.Store).MinBy(l => l.Code, StringComparer.Ordinal)?.Code;
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();

        var table = new Table().AddColumns("Role", "Email", "Store", "Opens");
        foreach (var (role, email, name, opens) in People(store))
        {
            var storeCode = Roles.IsStoreBound(role) ? store : null;
            if (storeCode is null && Roles.IsStoreBound(role)) continue;
            var result = await accounts.CreateAsync(email, name, role, storeCode, Password, ct);
            var note = result.Succeeded || result.Errors.Any(e => e.Code == "DuplicateUserName") ? opens : $"[red]{Markup.Escape(string.Join(" ", result.Errors.Select(e => e.Description)))}[/]";
            table.AddRow(role, email, storeCode ?? "", note);
        }
        AnsiConsole.MarkupLine($"[green]Demo users[/] (sign in at /signin, password [bold]{Password}[/] for all):");
        AnsiConsole.Write(table);
    }

    private static IEnumerable<(string Role, string Email, string Name, string Opens)> People(string? store) =>
    [
        (Roles.Customer, "shopper@omni.demo", "Sam Shopper", "/"),
        (Roles.Associate, "associate@omni.demo", "Alex Associate", $"/associate/{store}"),
        (Roles.StoreManager, "store.manager@omni.demo", "Morgan Store-Manager", $"/associate/{store}"),
        (Roles.OmnichannelManager, "manager@omni.demo", "Olivia Omnichannel", "/manager"),
        (Roles.Admin, "admin@omni.demo", "Ada Admin", "/manager"),
    ];
}
