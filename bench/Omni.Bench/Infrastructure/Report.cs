using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using HdrHistogram;
using Spectre.Console;

namespace Omni.Bench.Infrastructure;

/// <summary>The result of one scenario: a table on the console and, with --out, a markdown section.</summary>
internal sealed class Report(string scenario, BenchSettings settings, bool inProcess = false)
{
    private readonly List<(string Metric, string Value)> _rows = [];

    public Report Add(string metric, string value)
    {
        _rows.Add((metric, value));
        return this;
    }

    public Report AddCounts(Tally tally, TimeSpan window, string okName, bool rejections)
    {
        Add("measured", $"{window.TotalSeconds:F1} s");
        Add("requests", $"{tally.Total:N0} ({tally.Total / window.TotalSeconds:N1}/s)");
        Add(okName, $"{tally.Ok:N0} ({tally.Ok / window.TotalSeconds:N1}/s)");
        if (rejections) Add("rejected (409 insufficient_stock)", tally.Rejected.ToString("N0"));
        return AddErrors(tally);
    }

    public Report AddErrors(Tally tally)
    {
        var kinds = string.Join(", ", tally.ErrorKinds.OrderByDescending(k => k.Value).Select(k => $"{k.Key}: {k.Value:N0}"));
        return Add("errors", tally.Errors == 0 ? "0" : $"{tally.Errors:N0} ({kinds})");
    }

    public Report AddLatencies(Tally tally)
    {
        var histogram = tally.Latencies;
        if (histogram.TotalCount == 0) return Add("latency", "no answers");
        Add("latency p50", Milliseconds(histogram.GetValueAtPercentile(50)));
        Add("latency p90", Milliseconds(histogram.GetValueAtPercentile(90)));
        Add("latency p95", Milliseconds(histogram.GetValueAtPercentile(95)));
        Add("latency p99", Milliseconds(histogram.GetValueAtPercentile(99)));
        return Add("latency max", Milliseconds(histogram.GetMaxValue()));
    }

    /// <summary>CPU per operation next to the wall-clock figures: on a shared machine the latencies include waiting for a core.</summary>
    public Report AddCpu(CpuUse cpu, long operations)
    {
        if (operations == 0) return this;
        if (cpu.Server is { } server) Add("CPU per request: server process", $"{server.TotalMilliseconds / operations:N2} ms");
        Add("CPU per request: load generator", $"{cpu.LoadGenerator.TotalMilliseconds / operations:N2} ms");
        Add(cpu.Server is null ? "CPU per request: rest of the machine (server, database, anything else running)" : "CPU per request: rest of the machine (database, anything else running)",
            $"{cpu.RestOfMachine.TotalMilliseconds / operations:N2} ms");
        Add("machine busy while measured", $"{cpu.MachineBusyShare:P0} of {Environment.ProcessorCount} cores");
        return Add("load average (1 min) at start / end", $"{cpu.From.LoadAverage} / {cpu.To.LoadAverage}");
    }

    public void Write()
    {
        var table = new Table().Title(Markup.Escape($"{scenario} · {settings.Label}")).AddColumn("metric").AddColumn(new TableColumn("value").RightAligned());
        foreach (var (metric, value) in _rows) table.AddRow(Markup.Escape(metric), Markup.Escape(value));
        AnsiConsole.Write(table);
        if (settings.Out is null) return;

        var markdown = new StringBuilder();
        if (!File.Exists(settings.Out))
        {
            markdown.AppendLine("# Benchmarks").AppendLine()
                .AppendLine("Measured with `bench/Omni.Bench` against a running server over HTTP (`eng/bench.sh sqlite|postgres`).")
                .AppendLine("Latencies are of answered requests (2xx and 409 insufficient_stock); the client runs on the same machine as the server.");
        }
        markdown.AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"## {scenario} · {settings.Label} · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"- Machine: {MachineInfo.Describe()}")
            .AppendLine(CultureInfo.InvariantCulture, $"- Server: {(inProcess ? "none (in process)" : settings.Url)}")
            .AppendLine(CultureInfo.InvariantCulture, $"- Command: `{settings.CommandLine()}`")
            .AppendLine()
            .AppendLine("| metric | value |")
            .AppendLine("| --- | ---: |");
        foreach (var (metric, value) in _rows) markdown.AppendLine(CultureInfo.InvariantCulture, $"| {metric} | {value.Replace("|", "\\|", StringComparison.Ordinal)} |");

        var directory = Path.GetDirectoryName(Path.GetFullPath(settings.Out));
        if (directory is not null) Directory.CreateDirectory(directory);
        File.AppendAllText(settings.Out, markdown.ToString());
        AnsiConsole.MarkupLineInterpolated($"[grey]appended to {settings.Out}[/]");
    }

    private static string Milliseconds(long microseconds) => $"{microseconds / 1000.0:N2} ms";
}

internal static class MachineInfo
{
    public static string Describe()
    {
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        var cpu = CpuModel();
        return $"{Environment.ProcessorCount} cores{(cpu is null ? "" : $" ({cpu})")}, {memory:F1} GiB, {OperatingSystem()}, {RuntimeInformation.FrameworkDescription}";
    }

    private static string OperatingSystem() =>
        ReadField("/etc/os-release", "PRETTY_NAME=")?.Trim('"') is { } name
            ? $"{name} ({RuntimeInformation.OSArchitecture})"
            : RuntimeInformation.OSDescription;

    private static string? CpuModel() => ReadField("/proc/cpuinfo", "model name")?.Split(':', 2).ElementAtOrDefault(1)?.Trim();

    private static string? ReadField(string path, string prefix)
    {
        try
        {
            if (!File.Exists(path)) return null;
            var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
            return prefix.EndsWith('=') ? line?[prefix.Length..] : line;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
