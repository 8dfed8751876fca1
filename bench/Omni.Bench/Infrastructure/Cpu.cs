using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Omni.Bench.Infrastructure;

/// <summary>CPU time of the calling thread (Linux): on a shared machine, wall-clock time mostly measures the scheduler.</summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    public static long Ticks() =>
        ClockGetTime(ClockThreadCpuTimeId, out var t) == 0 ? t.Seconds * TimeSpan.TicksPerSecond + t.Nanoseconds / 100 : Stopwatch.GetTimestamp();

    /// <summary>The 1-minute load average (Linux), or "unknown".</summary>
    public static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Split(' ')[0]; }
        catch (IOException) { return "unknown"; }
    }
}

/// <summary>
/// CPU used by this process and by the whole machine at one moment. Two samples around a load run tell how much CPU a
/// request cost the load generator and everything else (server, database — and, on a shared machine, other people's work).
/// </summary>
internal readonly record struct CpuSample(TimeSpan Process, double MachineBusySeconds, double MachineSeconds, string LoadAverage, double? ServerSeconds)
{
    // /proc/stat counts in USER_HZ, which is 100 on every Linux the bench runs on.
    private const double TicksPerSecond = 100;

    /// <param name="serverPid">The server's process on this machine, if known: its own CPU is then reported apart.</param>
    public static CpuSample Take(int? serverPid)
    {
        var (busy, total) = MachineTicks();
        return new CpuSample(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime, busy / TicksPerSecond, total / TicksPerSecond,
            ThreadCpu.LoadAverage(), serverPid is { } pid ? ProcessTicks(pid) / TicksPerSecond : null);
    }

    /// <summary>User and system time of a process: fields 14 and 15 of /proc/PID/stat, counted after the command name's closing parenthesis.</summary>
    private static double? ProcessTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Busy and total CPU ticks of all cores: the first line of /proc/stat, idle and iowait being the idle part.</summary>
    private static (long Busy, long Total) MachineTicks()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Skip(1).Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            var total = fields.Sum();
            return (total - fields[3] - fields[4], total);
        }
        catch (IOException)
        {
            return (0, 0);
        }
    }
}

/// <summary>CPU use between two samples.</summary>
internal sealed record CpuUse(CpuSample From, CpuSample To)
{
    public TimeSpan LoadGenerator => To.Process - From.Process;

    public TimeSpan? Server => To.ServerSeconds - From.ServerSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

    /// <summary>Everything but the load generator and (when known) the server: the database, and whatever else the machine ran.</summary>
    public TimeSpan RestOfMachine => TimeSpan.FromSeconds(Math.Max(0,
        To.MachineBusySeconds - From.MachineBusySeconds - LoadGenerator.TotalSeconds - (Server?.TotalSeconds ?? 0)));

    public double MachineBusyShare => To.MachineSeconds > From.MachineSeconds
        ? (To.MachineBusySeconds - From.MachineBusySeconds) / (To.MachineSeconds - From.MachineSeconds)
        : double.NaN;
}
