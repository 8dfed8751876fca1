namespace Omni.Integration.Dispatching;

/// <summary>
/// The highest position this node has seen in the events table. Live streams wait on it instead of each polling the
/// database; the dispatcher advances it for positions assigned here and for those another node assigned.
/// </summary>
internal sealed class EventHead
{
    private readonly Lock _lock = new();
    private long _position;
    private TaskCompletionSource _advanced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Position => Interlocked.Read(ref _position);

    public void Advance(long position)
    {
        TaskCompletionSource advanced;
        lock (_lock)
        {
            if (position <= _position) return;
            Interlocked.Exchange(ref _position, position);
            advanced = _advanced;
            _advanced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        advanced.TrySetResult();
    }

    /// <summary>True when the head moves beyond <paramref name="seen"/> within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitBeyondAsync(long seen, TimeSpan timeout, CancellationToken ct)
    {
        Task advanced;
        lock (_lock)
        {
            if (_position > seen) return true;
            advanced = _advanced.Task;
        }
        try
        {
            await advanced.WaitAsync(timeout, ct);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
