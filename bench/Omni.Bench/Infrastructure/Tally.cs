using System.Collections.Concurrent;
using HdrHistogram;

namespace Omni.Bench.Infrastructure;

/// <summary>Thread-safe counts and a latency histogram (microseconds) of measured requests.</summary>
internal sealed class Tally
{
    // Anything slower than a minute is recorded as a minute; the HTTP timeout is two.
    private const long MaxMicroseconds = 60_000_000;

    private readonly ConcurrentDictionary<string, long> _errorKinds = new(StringComparer.Ordinal);
    private long _ok;
    private long _rejected;
    private long _errors;

    /// <summary>Latencies of answered requests (2xx and 409 insufficient_stock) in microseconds.</summary>
    public LongConcurrentHistogram Latencies { get; } = new(1, MaxMicroseconds, 3);

    public long Ok => Interlocked.Read(ref _ok);
    public long Rejected => Interlocked.Read(ref _rejected);
    public long Errors => Interlocked.Read(ref _errors);
    public long Total => Ok + Rejected + Errors;
    public IReadOnlyDictionary<string, long> ErrorKinds => _errorKinds;

    public void Record(CallResult result)
    {
        switch (result.Outcome)
        {
            case Outcome.Ok:
                Interlocked.Increment(ref _ok);
                break;
            case Outcome.Rejected:
                Interlocked.Increment(ref _rejected);
                break;
            default:
                Interlocked.Increment(ref _errors);
                _errorKinds.AddOrUpdate(result.Error ?? "unknown", 1, (_, n) => n + 1);
                return;
        }
        var micros = (long)result.Latency.TotalMicroseconds;
        Latencies.RecordValue(Math.Clamp(micros, 1, MaxMicroseconds));
    }
}
