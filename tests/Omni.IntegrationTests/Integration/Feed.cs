using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Omni.Common.Data;
using Omni.Common.Events;
using Omni.Integration.Data;
using Omni.IntegrationTests.Infrastructure;

namespace Omni.IntegrationTests.Integration;

/// <summary>Writes events the way modules do (through a module's DbContext) and waits for the feed to show them.</summary>
internal static class Feed
{
    public static string UniqueType() => $"test.t{Guid.NewGuid():N}"[..20];

    public static Task Publish(IServiceProvider services, string type, params string[] data) =>
        Publish<IntegrationDbContext>(services, type, data);

    public static async Task Publish<TContext>(IServiceProvider services, string type, params string[] data) where TContext : ModuleDbContext
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        foreach (var json in data) db.Outbox.Add(new OutboxEvent { Type = type, Data = json, OccurredAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }

    /// <summary>Positions are assigned after commit by the dispatcher: poll until all <paramref name="count"/> events are in the feed.</summary>
    public static async Task<List<JsonElement>> WaitFor(HttpClient client, string types, int count, string? after = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var url = $"/api/v1/events?limit=1000&types={types}" + (after is null ? "" : $"&after={after}");
            var page = await (await client.GetAsync(url)).Json(HttpStatusCode.OK);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            if (items.Count >= count) return items;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Only {items.Count} of {count} events of {types} reached the feed.");
            await Task.Delay(25);
        }
    }

    /// <summary>
    /// Polls until an event of <paramref name="types"/> matching <paramref name="match"/> is in the feed: in a shared
    /// fixture other tests' events of the same type may reach it first.
    /// </summary>
    public static async Task<JsonElement> WaitForOne(HttpClient client, string types, Func<JsonElement, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var page = await (await client.GetAsync($"/api/v1/events?limit=1000&types={types}")).Json(HttpStatusCode.OK);
            if (page.GetProperty("items").EnumerateArray().Where(match).ToList() is [var found, ..]) return found;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No matching {types} event reached the feed.");
            await Task.Delay(25);
        }
    }
}
