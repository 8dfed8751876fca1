using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Omni.Bench.Infrastructure;

/// <summary>How one request ended, as the benchmark counts it.</summary>
internal enum Outcome
{
    /// <summary>2xx.</summary>
    Ok,
    /// <summary>409 insufficient_stock: a correct answer under load, counted apart from errors.</summary>
    Rejected,
    /// <summary>Anything else: other status codes, timeouts, broken connections.</summary>
    Error,
}

internal readonly record struct CallResult(Outcome Outcome, TimeSpan Latency, string? Error = null);

/// <summary>One HTTP client for the whole run, and the few calls the scenarios make.</summary>
internal sealed class OmniApi : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly HttpClient _http;

    private OmniApi(HttpClient http) => _http = http;

    /// <param name="connections">At least the number of concurrent clients, so no request waits for a connection in the client.</param>
    public static OmniApi Create(BenchSettings settings, int connections)
    {
        var http = Http(settings, connections);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return new OmniApi(http);
    }

    /// <summary>
    /// A browser's view of the storefront: no API key, asks for HTML and accepts compressed answers as browsers do. The
    /// body is read but not decompressed: that is the browser's CPU, not the server's.
    /// </summary>
    public static OmniApi CreateBrowser(BenchSettings settings, int connections)
    {
        var http = Http(settings, connections);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        http.DefaultRequestHeaders.AcceptEncoding.ParseAdd("gzip, br");
        return new OmniApi(http);
    }

    private static HttpClient Http(BenchSettings settings, int connections)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(connections, 1),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            ConnectTimeout = TimeSpan.FromSeconds(30),
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        };
        return new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = settings.Url,
            Timeout = TimeSpan.FromMinutes(2),
        };
    }

    public async Task<T> GetAsync<T>(string path, CancellationToken ct)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), ct);
        await EnsureSuccessAsync(response, $"GET {path}", ct);
        return await response.Content.ReadFromJsonAsync<T>(Json, ct)
            ?? throw new BenchException($"GET {path} answered an empty body");
    }

    /// <summary>Every item of a list resource, following <c>next</c> cursors (as <c>after</c>, or as a link).</summary>
    public async Task<List<T>> GetAllAsync<T>(string path, int maxItems, CancellationToken ct)
    {
        var items = new List<T>();
        var next = AddQuery(path, "limit=100");
        while (next is not null && items.Count < maxItems)
        {
            var page = await GetAsync<Page<T>>(next, ct);
            items.AddRange(page.Items ?? []);
            next = page.Next switch
            {
                null or "" => null,
                var link when link.StartsWith('/') => link,
                var link when Uri.TryCreate(link, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal)
                    => absolute.PathAndQuery,
                var cursor => AddQuery(path, $"limit=100&after={Uri.EscapeDataString(cursor)}"),
            };
            if (page.Items is null or { Count: 0 }) break;
        }
        return items;
    }

    /// <summary>A setup call that must succeed (creating the hot SKU, setting its stock).</summary>
    public async Task SendOrThrowAsync(HttpMethod method, string path, object body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body, options: Json) };
        using var response = await _http.SendAsync(request, ct);
        await EnsureSuccessAsync(response, $"{method} {path}", ct);
    }

    public static HttpRequestMessage PlaceOrder(PlaceOrderRequest order)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/orders", UriKind.Relative))
        {
            Content = JsonContent.Create(order, options: Json),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return request;
    }

    public static HttpRequestMessage Get(string path) => new(HttpMethod.Get, new Uri(path, UriKind.Relative));

    /// <summary>Sends a measured request and classifies the answer; never throws for what the server or network did.</summary>
    /// <param name="only200">Count only 200 as answered (a page): any other status is an error, also another 2xx.</param>
    public async Task<CallResult> MeasureAsync(HttpRequestMessage request, CancellationToken ct, bool only200 = false)
    {
        using (request)
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
                var latency = Stopwatch.GetElapsedTime(start);
                if (only200) return response.StatusCode == HttpStatusCode.OK ? new(Outcome.Ok, latency) : new(Outcome.Error, latency, $"HTTP {(int)response.StatusCode}");
                if (response.IsSuccessStatusCode) return new(Outcome.Ok, latency);
                var code = await ProblemCodeAsync(response, ct);
                if (response.StatusCode == HttpStatusCode.Conflict && code == "insufficient_stock") return new(Outcome.Rejected, latency);
                return new(Outcome.Error, latency, code is null ? $"HTTP {(int)response.StatusCode}" : $"HTTP {(int)response.StatusCode} {code}");
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                return new(Outcome.Error, Stopwatch.GetElapsedTime(start), "timeout");
            }
            catch (HttpRequestException e)
            {
                return new(Outcome.Error, Stopwatch.GetElapsedTime(start), $"connection: {e.HttpRequestError}");
            }
        }
    }

    public void Dispose() => _http.Dispose();

    private static string AddQuery(string path, string query) => path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;

    private static async Task<string?> ProblemCodeAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<ProblemDto>(Json, ct);
            return problem?.Code;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null; // not JSON at all
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync(ct);
        var hint = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden ? " (check --key / OMNI_API_KEY)" : "";
        throw new BenchException($"{what} answered {(int)response.StatusCode}{hint}: {Shorten(body)}");
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
