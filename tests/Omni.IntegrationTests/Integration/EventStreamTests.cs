using System.Net;
using System.Text.Json;
using Omni.IntegrationTests.Infrastructure;

namespace Omni.IntegrationTests.Integration;

public abstract class EventStreamTests(OmniFactory omni)
{
    private readonly HttpClient _client = omni.Admin();

    [Fact]
    public async Task The_stream_delivers_an_event_published_after_the_client_connected()
    {
        var type = Feed.UniqueType();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var response = await _client.GetAsync($"/api/v1/events/stream?types={type}", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        Assert.Equal(": connected", await reader.ReadLineAsync(timeout.Token));

        await Feed.Publish(omni.Services, type, """{"sku":"LIVE-1"}""");

        var message = await ReadEvent(reader, timeout.Token);
        Assert.Equal(type, message.Event);
        Assert.Equal("LIVE-1", JsonDocument.Parse(message.Data).RootElement.GetProperty("sku").GetString());
        var page = await (await _client.GetAsync($"/api/v1/events?types={type}")).Json(HttpStatusCode.OK);
        Assert.Equal(page.GetProperty("next").GetString(), message.Id);
    }

    [Fact]
    public async Task The_stream_resumes_after_the_Last_Event_ID()
    {
        var type = Feed.UniqueType();
        await Feed.Publish(omni.Services, type, """{"n":1}""");
        await Feed.Publish(omni.Services, type, """{"n":2}""");
        await Feed.WaitFor(_client, type, 2);
        var first = await (await _client.GetAsync($"/api/v1/events?limit=1&types={type}")).Json(HttpStatusCode.OK);
        var cursor = first.GetProperty("next").GetString()!;

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/events/stream?types={type}&after=0");
        request.Headers.Add("Last-Event-ID", cursor);
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        var message = await ReadEvent(reader, timeout.Token);
        Assert.Equal(2, JsonDocument.Parse(message.Data).RootElement.GetProperty("n").GetInt32());
    }

    [Fact]
    public async Task A_bad_Last_Event_ID_is_a_validation_problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/events/stream");
        request.Headers.Add("Last-Event-ID", "not-a-cursor");
        await (await _client.SendAsync(request)).Problem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task The_stream_needs_a_key()
    {
        await (await omni.ClientWithKey(null).GetAsync("/api/v1/events/stream")).Problem(HttpStatusCode.Unauthorized, "unauthorized");
    }

    private sealed record Message(string Id, string Event, string Data);

    private static async Task<Message> ReadEvent(StreamReader reader, CancellationToken ct)
    {
        string? id = null, type = null, data = null;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.Length == 0)
            {
                if (type is not null) return new Message(id!, type, data!);
                continue;
            }
            if (line.StartsWith(':')) continue;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var (field, value) = (line[..colon], line[(colon + 1)..].TrimStart());
            switch (field)
            {
                case "id": id = value; break;
                case "event": type = value; break;
                case "data": data = data is null ? value : data + "\n" + value; break;
            }
        }
        throw new EndOfStreamException("The stream ended before an event arrived.");
    }
}

public sealed class EventStreamTests_Sqlite(SqliteOmni omni) : EventStreamTests(omni), IClassFixture<SqliteOmni>;

public sealed class EventStreamTests_Postgres(PostgresOmni omni) : EventStreamTests(omni), IClassFixture<PostgresOmni>;
