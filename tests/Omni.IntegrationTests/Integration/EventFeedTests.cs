using System.Globalization;
using System.Net;
using Omni.Identity.Data;
using Omni.IntegrationTests.Infrastructure;

namespace Omni.IntegrationTests.Integration;

public abstract class EventFeedTests(OmniFactory omni)
{
    private readonly HttpClient _client = omni.Admin();

    [Fact]
    public async Task Pages_follow_the_cursor_and_every_event_appears_exactly_once()
    {
        var type = Feed.UniqueType();
        var data = Enumerable.Range(1, 5).Select(i => $$"""{"n":{{i}}}""").ToArray();
        foreach (var json in data) await Feed.Publish(omni.Services, type, json);
        await Feed.WaitFor(_client, type, 5);

        var seen = new List<int>();
        var cursors = new List<long>();
        string? after = null;
        for (var pageNumber = 0; pageNumber < 3; pageNumber++)
        {
            var page = await (await _client.GetAsync($"/api/v1/events?limit=2&types={type}" + (after is null ? "" : $"&after={after}"))).Json(HttpStatusCode.OK);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(pageNumber < 2 ? 2 : 1, items.Count);
            seen.AddRange(items.Select(i => i.GetProperty("data").GetProperty("n").GetInt32()));
            Assert.All(items, i => Assert.Equal(type, i.GetProperty("type").GetString()));
            after = page.GetProperty("next").GetString();
            cursors.Add(long.Parse(after!, CultureInfo.InvariantCulture));
        }

        Assert.Equal([1, 2, 3, 4, 5], seen.Order());
        Assert.Equal(cursors.Order(), cursors);
        Assert.Equal(cursors.Count, cursors.Distinct().Count());

        var caughtUp = await (await _client.GetAsync($"/api/v1/events?limit=2&types={type}&after={after}")).Json(HttpStatusCode.OK);
        Assert.Empty(caughtUp.GetProperty("items").EnumerateArray());
        Assert.Equal(after, caughtUp.GetProperty("next").GetString());
    }

    [Fact]
    public async Task Events_carry_id_type_time_and_their_data_as_an_object()
    {
        var type = Feed.UniqueType();
        var text = new string('x', 5000);
        // Published through another module's context, as Orders or Inventory would, with a payload longer than a short string.
        await Feed.Publish<IdentityDbContext>(omni.Services, type, $$"""{"sku":"SKU-1","note":"{{text}}","lines":[{"quantity":2}]}""");

        var item = Assert.Single(await Feed.WaitFor(_client, type, 1));
        Assert.True(Guid.TryParse(item.GetProperty("id").GetString(), out _));
        Assert.Equal(type, item.GetProperty("type").GetString());
        Assert.True(item.GetProperty("occurredAt").GetDateTime() > DateTime.UtcNow.AddMinutes(-5));
        var data = item.GetProperty("data");
        Assert.Equal("SKU-1", data.GetProperty("sku").GetString());
        Assert.Equal(5000, data.GetProperty("note").GetString()!.Length);
        Assert.Equal(2, data.GetProperty("lines")[0].GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task The_type_filter_returns_only_the_named_types()
    {
        var (placed, changed, other) = (Feed.UniqueType(), Feed.UniqueType(), Feed.UniqueType());
        await Feed.Publish(omni.Services, placed, """{"a":1}""", """{"a":2}""");
        await Feed.Publish(omni.Services, changed, """{"b":1}""");
        await Feed.Publish(omni.Services, other, """{"c":1}""");

        var items = await Feed.WaitFor(_client, $"{placed},{changed}", 3);
        await Feed.WaitFor(_client, other, 1);

        Assert.Equal(3, items.Count);
        Assert.Equal(2, items.Count(i => i.GetProperty("type").GetString() == placed));
        Assert.Equal(1, items.Count(i => i.GetProperty("type").GetString() == changed));
    }

    [Theory]
    [InlineData("after=abc", "after")]
    [InlineData("after=-1", "after")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("types=Order%20Placed", "types")]
    public async Task A_bad_cursor_limit_or_type_is_a_validation_problem(string query, string field)
    {
        var problem = await (await _client.GetAsync($"/api/v1/events?{query}")).Problem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_limit_that_is_not_a_number_is_a_bad_request()
    {
        await (await _client.GetAsync("/api/v1/events?limit=lots")).Problem(HttpStatusCode.BadRequest, "malformed_request");
    }
}

public sealed class EventFeedTests_Sqlite(SqliteOmni omni) : EventFeedTests(omni), IClassFixture<SqliteOmni>;

public sealed class EventFeedTests_Postgres(PostgresOmni omni) : EventFeedTests(omni), IClassFixture<PostgresOmni>;
