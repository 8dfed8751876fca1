using System.Diagnostics;
using Spectre.Console;

namespace Omni.Bench.Infrastructure;

/// <summary>
/// A closed loop: each of N clients sends its next request when the previous one is answered, through a
/// warm-up (discarded) and then the measured duration. A request counts if it started inside the measured
/// window; the window closes when the last of those is answered. CPU use is sampled when the window opens and when
/// the last client is done.
/// </summary>
internal static class LoadRun
{
    public static async Task<LoadResult> RunAsync(
        string title, BenchSettings settings, Func<CancellationToken, Task<CallResult>> operation, CancellationToken ct)
    {
        var warm = new Tally();
        var measured = new Tally();
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(settings.Warmup.TotalSeconds * Stopwatch.Frequency);
        var measureUntil = measureFrom + (long)(settings.Duration.TotalSeconds * Stopwatch.Frequency);
        long lastAnswer = 0;
        var cpuAtStart = Task.Run(async () =>
        {
            await Task.Delay(settings.Warmup, ct);
            return CpuSample.Take(settings.ServerPid);
        }, ct);

        async Task Client()
        {
            await Task.Yield();
            while (!ct.IsCancellationRequested)
            {
                var sent = Stopwatch.GetTimestamp();
                if (sent >= measureUntil) break;
                var result = await operation(ct);
                (sent >= measureFrom ? measured : warm).Record(result);
                InterlockedMax(ref lastAnswer, Stopwatch.GetTimestamp());
            }
        }

        var total = (settings.Warmup + settings.Duration).TotalSeconds;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(title, maxValue: total);
                var clients = Task.WhenAll(Enumerable.Range(0, settings.Clients).Select(_ => Task.Run(Client, ct)));
                long previous = 0;
                var previousAt = Stopwatch.GetTimestamp();
                while (!clients.IsCompleted)
                {
                    await Task.WhenAny(clients, Task.Delay(500, ct));
                    var now = Stopwatch.GetTimestamp();
                    var warming = now < measureFrom;
                    var tally = warming ? warm : measured;
                    var answered = tally.Ok + tally.Rejected;
                    var rate = (answered - previous) / Stopwatch.GetElapsedTime(previousAt, now).TotalSeconds;
                    (previous, previousAt) = (answered, now);
                    task.Value = Math.Min(total, Stopwatch.GetElapsedTime(start, now).TotalSeconds);
                    task.Description = Markup.Escape(
                        $"{title} {(warming ? "warm-up" : "measuring")}: ok {tally.Ok:N0} · 409 {tally.Rejected:N0} · errors {tally.Errors:N0} · {Math.Max(rate, 0):N0}/s");
                }
                await clients;
                task.Value = total;
            });

        var cpu = new CpuUse(await cpuAtStart, CpuSample.Take(settings.ServerPid));
        var window = Stopwatch.GetElapsedTime(measureFrom, Math.Max(Interlocked.Read(ref lastAnswer), measureUntil));
        return new LoadResult(measured, window, cpu);
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current) return;
            current = seen;
        }
    }
}

internal sealed record LoadResult(Tally Measured, TimeSpan Window, CpuUse Cpu)
{
    public void Deconstruct(out Tally measured, out TimeSpan window) => (measured, window) = (Measured, Window);
}
