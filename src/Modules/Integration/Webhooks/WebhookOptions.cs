namespace Omni.Integration.Webhooks;

/// <summary><c>Omni:Webhooks</c>: retry schedule and worker pacing, per node.</summary>
internal sealed class WebhookOptions
{
    public const string Section = "Omni:Webhooks";

    /// <summary>A delivery is dead-lettered after this many failed attempts in a row.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the n-th failure; the last entry repeats. Null means <see cref="DefaultRetryDelays"/>.</summary>
    public TimeSpan[]? RetryDelays { get; set; }

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often fan-out and the delivery worker look for work when idle.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a claimed delivery belongs to its node; after that another node retries it (the first one crashed).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);

    public int BatchSize { get; set; } = 10;

    public static readonly TimeSpan[] DefaultRetryDelays =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10),
        TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(6),
    ];

    public TimeSpan DelayAfter(int failures)
    {
        var delays = RetryDelays is { Length: > 0 } configured ? configured : DefaultRetryDelays;
        return delays[Math.Clamp(failures - 1, 0, delays.Length - 1)];
    }
}
