namespace Omni.Common.Events;

/// <summary>
/// Version-7 ids that only grow within this process. Guid.CreateVersion7 is random below the millisecond, and the
/// dispatcher positions events in id order, so events a transaction publishes in one millisecond would otherwise
/// reach the feed shuffled.
/// </summary>
internal static class EventIds
{
    private static readonly Lock Gate = new();
    private static Guid _last;

    public static Guid Next()
    {
        var candidate = Guid.CreateVersion7();
        lock (Gate)
        {
            _last = candidate.CompareTo(_last) > 0 ? candidate : Increment(_last);
            return _last;
        }
    }

    // Bytes 9–15 are random in a v7 id; counting there keeps the timestamp, version and variant intact.
    private static Guid Increment(Guid id)
    {
        var bytes = id.ToByteArray(bigEndian: true);
        for (var i = 15; i >= 9 && ++bytes[i] == 0; i--) { }
        return new Guid(bytes, bigEndian: true);
    }
}
