namespace Omni.Bench.Infrastructure;

/// <summary>What every scenario is told: where the server is, how hard to push and where to write results.</summary>
internal sealed record BenchSettings(
    Uri Url,
    string? ApiKey,
    int Clients,
    TimeSpan Duration,
    TimeSpan Warmup,
    string? Out,
    string Label,
    IReadOnlyList<string> Arguments,
    int? ServerPid = null)
{
    /// <param name="needsServer">False for in-process scenarios, which need no key.</param>
    public void Validate(bool needsServer = true)
    {
        if (needsServer && string.IsNullOrWhiteSpace(ApiKey))
            throw new BenchException("no API key: pass --key or set OMNI_API_KEY");
        if (Clients < 1) throw new BenchException("--clients must be at least 1");
        if (Duration <= TimeSpan.Zero) throw new BenchException("--duration must be positive");
        if (Warmup < TimeSpan.Zero) throw new BenchException("--warmup must not be negative");
    }

    /// <summary>The command line as typed, with the API key masked so results can be published.</summary>
    public string CommandLine()
    {
        var shown = new List<string> { "Omni.Bench" };
        for (var i = 0; i < Arguments.Count; i++)
        {
            var argument = Arguments[i];
            if (argument == "--key" && i + 1 < Arguments.Count)
            {
                shown.Add("--key ***");
                i++;
            }
            else if (argument.StartsWith("--key=", StringComparison.Ordinal)) shown.Add("--key=***");
            else shown.Add(argument.Contains(' ', StringComparison.Ordinal) ? $"\"{argument}\"" : argument);
        }
        return string.Join(' ', shown);
    }
}

/// <summary>A problem to report in one line (bad options, unreachable server, empty catalog), not as a stack trace.</summary>
internal sealed class BenchException(string message) : Exception(message);
