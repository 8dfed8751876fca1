using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Omni.Common.Validation;
using Omni.Integration.Data;
using Omni.Integration.Dispatching;

namespace Omni.Integration.Features;

/// <summary>
/// The feed as server-sent events, live. Each connection reads the table by position, so it works behind a load
/// balancer whichever node assigned the positions; it waits on this node's <see cref="EventHead"/> rather than polling.
/// </summary>
internal static class StreamEvents
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);
    private const int PageSize = 500;

    public static void Map(IEndpointRouteBuilder events) =>
        events.MapGet("/stream", Handle).WithName(nameof(StreamEvents))
            .WithSummary("The event feed as server-sent events, live")
            .WithDescription("Each event is sent as `id: <cursor>`, `event: <type>`, `data: <json>`. Resumes after the `Last-Event-ID` header or the `after` query; without either it starts with the next event. A comment line is sent every 15 s to keep the connection open.")
            .Produces<string>(StatusCodes.Status200OK, "text/event-stream")
            .ProducesValidationProblem();

    internal static IResult Handle(
        string? after, string? types, [FromHeader(Name = "Last-Event-ID")] string? lastEventId)
    {
        var validator = new Validator();
        // A browser's EventSource reconnects with the same URL and the last id in the header: the header wins.
        var cursor = lastEventId is { Length: > 0 }
            ? EventFeed.ParseCursor(validator, "Last-Event-ID", lastEventId)
            : EventFeed.ParseCursor(validator, "after", after);
        var filter = EventFeed.ParseTypes(validator, types);
        if (!validator.IsValid) return validator.ToProblem();
        return new EventStream(cursor, filter);
    }

    private sealed class EventStream(long? after, string[]? types) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            var db = http.RequestServices.GetRequiredService<IntegrationDbContext>();
            var head = http.RequestServices.GetRequiredService<EventHead>();
            var lifetime = http.RequestServices.GetRequiredService<IHostApplicationLifetime>();
            // Ends when the client goes away or the server shuts down, whichever comes first.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
            var ct = stop.Token;

            http.Response.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-cache";
            http.Response.Headers["X-Accel-Buffering"] = "no";
            http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

            try
            {
                var cursor = after ?? await EventFeed.HeadAsync(db, ct) ?? 0;
                await http.Response.WriteAsync(": connected\n\n", ct);
                await http.Response.Body.FlushAsync(ct);

                var text = new StringBuilder();
                while (true)
                {
                    var seen = head.Position;
                    var events = await EventFeed.ReadAsync(db, cursor, types, PageSize, ct);
                    if (events.Count > 0)
                    {
                        text.Clear();
                        foreach (var e in events) Append(text, e.Position!.Value, e.Type, e.Data);
                        cursor = events[^1].Position!.Value;
                        await http.Response.WriteAsync(text.ToString(), ct);
                        await http.Response.Body.FlushAsync(ct);
                        if (events.Count == PageSize) continue;
                    }
                    if (!await head.WaitBeyondAsync(seen, Heartbeat, ct))
                    {
                        await http.Response.WriteAsync(": heartbeat\n\n", ct);
                        await http.Response.Body.FlushAsync(ct);
                    }
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // The client disconnected or the server is stopping: the stream just ends.
            }
            catch (IOException) when (http.RequestAborted.IsCancellationRequested)
            {
            }
        }

        private static void Append(StringBuilder text, long position, string type, string data)
        {
            text.Append("id: ").Append(EventFeed.Cursor(position)).Append('\n');
            text.Append("event: ").Append(type).Append('\n');
            // Stored JSON is compact, but a line break would end the field: split it over data lines as SSE allows.
            foreach (var line in data.Split('\n')) text.Append("data: ").Append(line.TrimEnd('\r')).Append('\n');
            text.Append('\n');
        }
    }
}
