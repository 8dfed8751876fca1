using Omni.Common.Events;

namespace Omni.UnitTests;

public sealed class EventIdTests
{
    [Fact]
    public void Event_ids_grow_strictly_even_within_one_millisecond()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => EventIds.Next()).ToList();
        for (var i = 1; i < ids.Count; i++)
        {
            Assert.True(ids[i].CompareTo(ids[i - 1]) > 0);
            Assert.True(string.CompareOrdinal(ids[i].ToString(), ids[i - 1].ToString()) > 0, "text order (SQLite) must agree");
            Assert.Equal(7, ids[i].Version);
        }
    }
}
