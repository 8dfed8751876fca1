using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Omni.Common.Data;
using Omni.Common.Events;
using Omni.Integration.Data;
using Omni.IntegrationTests.Infrastructure;

namespace Omni.IntegrationTests.Integration;

/// <summary>What only PostgreSQL can show: transactions that really overlap, and several nodes on one database.</summary>
public sealed class EventDispatcherTests_Postgres(PostgresOmni omni) : IClassFixture<PostgresOmni>
{
    private readonly HttpClient _client = omni.Admin();

    [Fact]
    public async Task An_event_that_commits_late_gets_a_later_position_so_a_reader_does_not_miss_it()
    {
        var type = Feed.UniqueType();
        await using var slowScope = omni.Services.CreateAsyncScope();
        var session = slowScope.ServiceProvider.GetRequiredService<DbSession>();
        var slow = slowScope.ServiceProvider.GetRequiredService<IntegrationDbContext>();
        await session.BeginAsync(CancellationToken.None);
        slow.Outbox.Add(new OutboxEvent { Type = type, Data = """{"n":"early id, late commit"}""", OccurredAt = DateTime.UtcNow });
        await slow.SaveChangesAsync();

        await Task.Delay(5);
        await Feed.Publish(omni.Services, type, """{"n":"late id, early commit"}""");
        var firstPage = await Feed.WaitFor(_client, type, 1);
        var cursor = (await (await _client.GetAsync($"/api/v1/events?types={type}")).Json(HttpStatusCode.OK)).GetProperty("next").GetString();

        await session.CommitAsync(CancellationToken.None);

        var afterCursor = await Feed.WaitFor(_client, type, 1, after: cursor);
        Assert.Equal("early id, late commit", Assert.Single(afterCursor).GetProperty("data").GetProperty("n").GetString());
        Assert.Equal("late id, early commit", Assert.Single(firstPage).GetProperty("data").GetProperty("n").GetString());
    }

    [Fact]
    public async Task Two_nodes_assign_every_position_once_without_gaps()
    {
        await using var secondNode = omni.WithWebHostBuilder(_ => { });
        _ = secondNode.Server;
        var type = Feed.UniqueType();

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Feed.Publish(i % 2 == 0 ? omni.Services : secondNode.Services, type, Enumerable.Range(0, 5).Select(n => $$"""{"i":{{i}},"n":{{n}}}""").ToArray())));
        await Feed.WaitFor(_client, type, 200);

        await using var connection = new NpgsqlConnection(omni.Services.GetRequiredService<DatabaseOptions>().ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*), COUNT(DISTINCT position), MIN(position), MAX(position), COUNT(*) FILTER (WHERE position IS NULL) FROM events", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (count, distinct, min, max, unpositioned) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
        Assert.Equal(0, unpositioned);
        Assert.Equal(count, distinct);
        Assert.Equal(1, min);
        Assert.Equal(count, max);
    }
}
